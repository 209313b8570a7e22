using System.Net;
using System.Text.Json;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Policies set through the admin API decide Web3 transactions; bad policies change nothing.</summary>
public sealed class PolicyAdminTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task TwoOfThreeSetThroughTheApi_OneApprovalWaits_TwoSign()
    {
        var (kit, web3, fundId, _, address) = await Web3WalletAsync(initialThreshold: 1);
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
            new { threshold = 2, members = kit.Approvers }, HttpStatusCode.OK);
        var approvers = await EnrollAsync(kit);

        var txId = (await approvers.CreateAsync(Web3Kit.Body(address), web3)).GetProperty("txID").GetString()!;
        var afterOne = await approvers.DecideAsync(txId, kit.Username("approver1"), ApprovalDecision.Approve);
        Assert.Equal("pending", afterOne.Status);
        Assert.Equal(2, afterOne.Threshold);
        Assert.Equal("", afterOne.SignedTx);

        var afterTwo = await approvers.DecideAsync(txId, kit.Username("approver3"), ApprovalDecision.Approve);
        Assert.Equal("approved", afterTwo.Status);
        Assert.NotEqual("", afterTwo.SignedTx);
    }

    [Fact]
    public async Task PolicyChange_LeavesPendingTransactionsUnderThePolicyTheyWereCreatedUnder()
    {
        var (kit, web3, fundId, _, address) = await Web3WalletAsync(initialThreshold: 2);
        var approvers = await EnrollAsync(kit);
        var older = (await approvers.CreateAsync(Web3Kit.Body(address, "1000"), web3)).GetProperty("txID")
            .GetString()!;

        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
            new { threshold = 1, members = kit.Approvers }, HttpStatusCode.OK);
        var newer = (await approvers.CreateAsync(Web3Kit.Body(address, "2000"), web3)).GetProperty("txID")
            .GetString()!;

        Assert.Equal("pending",
            (await approvers.DecideAsync(older, kit.Username("approver1"), ApprovalDecision.Approve)).Status);
        Assert.Equal("approved",
            (await approvers.DecideAsync(newer, kit.Username("approver1"), ApprovalDecision.Approve)).Status);
    }

    [Fact]
    public async Task WalletOverride_GovernsTheWallet_UntilDeleted()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var reader = await kit.ApiClientAsync(ApiKeyPermissions.ReadOnly);
        var before = await kit.LastAuditIdAsync();

        var own = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Put, $"/wallets/{walletId}/policies/transaction",
            new { threshold = 1, members = new[] { kit.People["approver3"] } }, HttpStatusCode.OK);
        Assert.Equal("wallet", own.GetProperty("source").GetString());
        var effective = await PoliciesAsync(kit, $"/wallets/{walletId}/policies");
        Assert.Equal([("transaction", "wallet", 1), ("withdrawal", "fund", 2)], effective);

        using var response = await reader.GetAsync($"/funds/{fundId}");
        var wallet = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("fundInfo").GetProperty("wallets")[0];
        Assert.Equal(own.GetProperty("id").GetString(), wallet.GetProperty("policy_tx").GetProperty("id").GetString());

        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Delete, $"/wallets/{walletId}/policies/transaction",
            null, HttpStatusCode.NoContent);
        Assert.Equal([("transaction", "fund", 2), ("withdrawal", "fund", 2)],
            await PoliciesAsync(kit, $"/wallets/{walletId}/policies"));
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Delete, $"/wallets/{walletId}/policies/transaction",
            null, HttpStatusCode.NotFound, "wallet_policy_not_found");

        Assert.Equal(["wallet.policy.set", "wallet.policy.clear"],
            (await kit.AuditAfterAsync(before)).Select(e => e.Action));
    }

    [Fact]
    public async Task WalletOverride_DecidesNewWeb3Transactions_AndTheFundsPolicyDoesAgainOnceCleared()
    {
        var (kit, web3, _, walletId, address) = await Web3WalletAsync(initialThreshold: 2);
        var organizer = kit.People["organizer"];
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Put, $"/wallets/{walletId}/policies/transaction",
            new { threshold = 1, members = new[] { organizer } }, HttpStatusCode.OK);
        var approvers = await EnrollAsync(kit);
        await approvers.EnrollAsync(kit.Username("organizer"));

        // One of one, by someone the fund's 2-of-3 policy does not name.
        var underWallet = (await approvers.CreateAsync(Web3Kit.Body(address, "1000"), web3)).GetProperty("txID")
            .GetString()!;
        var created = await approvers.LoadAsync(underWallet);
        Assert.Equal((1, organizer), (created.Threshold, created.ApproverIds));
        var stranger = await Assert.ThrowsAsync<QapiError>(() =>
            approvers.DecideAsync(underWallet, kit.Username("approver1"), ApprovalDecision.Approve));
        Assert.Equal("transaction_not_found", stranger.Reason);
        var signed = await approvers.DecideAsync(underWallet, kit.Username("organizer"), ApprovalDecision.Approve);
        Assert.Equal("approved", signed.Status);
        Assert.NotEqual("", signed.SignedTx);

        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Delete, $"/wallets/{walletId}/policies/transaction",
            null, HttpStatusCode.NoContent);
        var underFund = (await approvers.CreateAsync(Web3Kit.Body(address, "2000"), web3)).GetProperty("txID")
            .GetString()!;

        var next = await approvers.LoadAsync(underFund);
        Assert.Equal((2, string.Join(' ', kit.Approvers.Order(StringComparer.Ordinal))),
            (next.Threshold, next.ApproverIds));
        await Assert.ThrowsAsync<QapiError>(() =>
            approvers.DecideAsync(underFund, kit.Username("organizer"), ApprovalDecision.Approve));
        Assert.Equal("pending",
            (await approvers.DecideAsync(underFund, kit.Username("approver1"), ApprovalDecision.Approve)).Status);
        Assert.Equal("approved",
            (await approvers.DecideAsync(underFund, kit.Username("approver2"), ApprovalDecision.Approve)).Status);
    }

    [Theory]
    [InlineData("transaction", """{"threshold":4,"members":["@1","@2","@3"]}""", "threshold_unreachable")]
    [InlineData("transaction", """{"threshold":0,"members":["@1"]}""", "threshold_unreachable")]
    [InlineData("transaction", """{"threshold":2,"members":["@1","@1"]}""", "threshold_unreachable")]
    [InlineData("withdrawal", """{"threshold":1,"members":["someone-else"]}""", "approver_not_eligible")]
    [InlineData("withdrawal", """{"members":["@1"]}""", "field_required")]
    [InlineData("withdrawal", """{"threshold":1}""", "field_required")]
    [InlineData("withdrawal", """{"threshold":"1","members":["@1"]}""", "malformed_body")]
    [InlineData("deposit", """{"threshold":1,"members":["@1"]}""", "invalid_policy_kind")]
    public async Task UnsatisfiableOrMalformedPolicy_IsRefused_AndChangesNothing(
        string kind, string template, string error)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var body = template.Replace("@1", kit.People["approver1"]).Replace("@2", kit.People["approver2"])
            .Replace("@3", kit.People["approver3"]);
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Put, $"/funds/{fundId}/policies/{kind}", body,
            HttpStatusCode.BadRequest, error);
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Put, $"/wallets/{walletId}/policies/{kind}", body,
            HttpStatusCode.BadRequest, error);

        Assert.Equal([("transaction", "fund", 2), ("withdrawal", "fund", 2)],
            await PoliciesAsync(kit, $"/wallets/{walletId}/policies"));
        var members = (await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/funds/{fundId}/policies", null,
            HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("members").GetArrayLength());
        Assert.Equal([3, 3], members);
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    private async Task<(FundAdminKit Kit, SignedClient Web3, string FundId, string WalletId, string Address)>
        Web3WalletAsync(
        int initialThreshold)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fund = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds",
            new { name = "Web3", description = "", approvers = kit.Approvers, threshold = initialThreshold },
            HttpStatusCode.Created);
        var fundId = fund.GetProperty("id").GetString()!;
        var wallet = await kit.WalletAsync(fundId);
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post,
            $"/wallets/{wallet.GetProperty("id").GetString()}/faucet", new { amount = "1" }, HttpStatusCode.Created);
        var web3 = await kit.ApiClientAsync(ApiKeyPermissions.Web3);
        return (kit, web3, fundId, wallet.GetProperty("id").GetString()!, wallet.GetProperty("address").GetString()!);
    }

    private Task<Web3Kit> EnrollAsync(FundAdminKit kit) =>
        new Web3Kit(server).EnrollAsync(kit.Username("approver1"), kit.Username("approver2"),
            kit.Username("approver3"));

    private static async Task<List<(string Kind, string Source, int Threshold)>> PoliciesAsync(
        FundAdminKit kit, string path)
    {
        var list = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, path, null, HttpStatusCode.OK);
        return list.EnumerateArray().Select(p => (p.GetProperty("kind").GetString()!,
            p.GetProperty("source").GetString()!, p.GetProperty("threshold").GetInt32())).ToList();
    }
}
