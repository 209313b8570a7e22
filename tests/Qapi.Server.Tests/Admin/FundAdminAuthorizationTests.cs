using System.Net;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Who may change funds, wallets and policies: roles, other organizations and non-admin keys.</summary>
public sealed class FundAdminAuthorizationTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Theory]
    [InlineData("trader")]
    [InlineData("approver1")]
    public async Task TraderOrApprover_MayView_ButNotChangeFundsOrPolicies(string role)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var caller = kit.As(role);
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.SendAsync(caller, HttpMethod.Get, $"/funds/{fundId}", null, HttpStatusCode.OK);
        await FundAdminKit.SendAsync(caller, HttpMethod.Get, $"/wallets/{walletId}/policies", null,
            HttpStatusCode.OK);
        await Forbidden(caller, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
            new { threshold = 1, members = kit.Approvers });
        await Forbidden(caller, HttpMethod.Put, $"/wallets/{walletId}/policies/withdrawal",
            new { threshold = 1, members = kit.Approvers });
        await Forbidden(caller, HttpMethod.Post, $"/wallets/{walletId}/allowlist",
            new { address = Web3Kit.Receiver });
        await Forbidden(caller, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds",
            new { name = "mine", approvers = kit.Approvers, threshold = 1 });
        await Forbidden(caller, HttpMethod.Patch, $"/funds/{fundId}", new { name = "mine" });
        await Forbidden(caller, HttpMethod.Post, $"/wallets/{walletId}/faucet", new { amount = "1" });

        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task FundOrganizer_CreatesFundsWalletsAndUsesTheFaucet_ButNotPoliciesOrNetworks()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var organizer = kit.As("organizer");

        var fund = await FundAdminKit.SendAsync(organizer, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds",
            new { name = "Organized", approvers = kit.Approvers, threshold = 2 }, HttpStatusCode.Created);
        var fundId = fund.GetProperty("id").GetString()!;
        var wallet = await FundAdminKit.SendAsync(organizer, HttpMethod.Post, $"/funds/{fundId}/wallets",
            new { name = "W", asset = "ETH-TESTNET", type = "standard" }, HttpStatusCode.Created);
        var walletId = wallet.GetProperty("id").GetString()!;
        await FundAdminKit.SendAsync(organizer, HttpMethod.Patch, $"/wallets/{walletId}", new { name = "W2" },
            HttpStatusCode.OK);
        await FundAdminKit.SendAsync(organizer, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            new { amount = "0.5" }, HttpStatusCode.Created);

        await Forbidden(organizer, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
            new { threshold = 1, members = kit.Approvers });
        await Forbidden(organizer, HttpMethod.Delete, $"/wallets/{walletId}/policies/transaction", null);
        await Forbidden(organizer, HttpMethod.Post, $"/accounts/{kit.OrgId}/rpcnetworks",
            new { name = "n", chainID = 5, url = "https://rpc.example.test" });
    }

    [Fact]
    public async Task AdminOfAnotherOrganization_GetsNotFound_AndChangesNothing()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var other = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        foreach (var intruder in new[] { other.Admin, other.As("admin") })
        {
            await NotFound(intruder, HttpMethod.Get, $"/funds/{fundId}", null, "fund_not_found");
            await NotFound(intruder, HttpMethod.Patch, $"/funds/{fundId}", new { name = "taken" }, "fund_not_found");
            await NotFound(intruder, HttpMethod.Post, $"/funds/{fundId}/archive", null, "fund_not_found");
            await NotFound(intruder, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
                new { threshold = 1, members = new[] { other.People["admin"] } }, "fund_not_found");
            await NotFound(intruder, HttpMethod.Get, $"/wallets/{walletId}", null, "wallet_not_found");
            await NotFound(intruder, HttpMethod.Post, $"/wallets/{walletId}/faucet", new { amount = "1" },
                "wallet_not_found");
            await NotFound(intruder, HttpMethod.Post, $"/wallets/{walletId}/allowlist",
                new { address = Web3Kit.Receiver }, "wallet_not_found");
            await NotFound(intruder, HttpMethod.Get, $"/accounts/{kit.OrgId}/funds", null, "account_not_found");
            await NotFound(intruder, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds",
                new { name = "x", approvers = kit.Approvers, threshold = 1 }, "account_not_found");
        }

        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Theory]
    [InlineData(ApiKeyPermissions.ReadOnly)]
    [InlineData(ApiKeyPermissions.Web3)]
    public async Task KeyWithoutAdminPermission_IsRefusedByTheAdminApi(ApiKeyPermissions permissions)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var (keyId, secret) = await server.KeyAsync(kit.OrgId, permissions);
        var client = kit.Client(keyId, secret);

        await FundAdminKit.RefusedAsync(client, HttpMethod.Get, $"/accounts/{kit.OrgId}/funds", null,
            HttpStatusCode.Forbidden, "permission_missing");
        await FundAdminKit.RefusedAsync(client, HttpMethod.Patch, $"/funds/{fundId}", new { name = "x" },
            HttpStatusCode.Forbidden, "permission_missing");
    }

    private static Task Forbidden(SignedClient client, HttpMethod method, string path, object? body) =>
        FundAdminKit.RefusedAsync(client, method, path, body, HttpStatusCode.Forbidden, "role_forbidden");

    private static Task NotFound(SignedClient client, HttpMethod method, string path, object? body, string error) =>
        FundAdminKit.RefusedAsync(client, method, path, body, HttpStatusCode.NotFound, error);
}
