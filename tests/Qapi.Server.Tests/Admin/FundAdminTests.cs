using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Funds and wallets made and changed through the admin API, seen through the read-only API.</summary>
public sealed class FundAdminTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task FundWalletsAndPolicy_CreatedThroughTheApi_ShowInTheReadOnlyApi()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var reader = await kit.ApiClientAsync(ApiKeyPermissions.ReadOnly);
        var before = await kit.LastAuditIdAsync();

        var fundId = await kit.FundAsync("Operations");
        var hot = await kit.WalletAsync(fundId, "external", "Hot");
        var cold = await kit.WalletAsync(fundId, "standard", "Cold");
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Put, $"/funds/{fundId}/policies/withdrawal",
            new { threshold = 3, members = kit.Approvers }, HttpStatusCode.OK);

        using var response = await reader.GetAsync($"/funds/{fundId}");
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("fundInfo");
        Assert.Equal("Operations", info.GetProperty("name").GetString());
        Assert.Equal(2, info.GetProperty("policyTx").GetProperty("threshold").GetInt32());
        Assert.Equal(3, info.GetProperty("policyWithdrawl").GetProperty("threshold").GetInt32());
        Assert.Equal(3, info.GetProperty("policyTx").GetProperty("membersCount").GetInt32());
        var wallets = info.GetProperty("wallets").EnumerateArray().ToList();
        Assert.Equal([hot.GetProperty("id").GetString(), cold.GetProperty("id").GetString()],
            wallets.Select(w => w.GetProperty("wallet_id").GetString()));
        Assert.Equal([4, 0], wallets.Select(w => w.GetProperty("type").GetInt32()));
        Assert.Equal(hot.GetProperty("address").GetString(), wallets[0].GetProperty("address").GetString());

        var audit = await kit.AuditAfterAsync(before);
        Assert.Equal(["fund.create", "wallet.create", "wallet.create", "fund.policy.set"],
            audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith($"person:{kit.People["admin"]} key:", e.Actor));
        Assert.All(audit, e => Assert.Equal(kit.OrgId, e.AccountId));
    }

    [Fact]
    public async Task PatchArchiveRestore_ChangeTheFund_EachAuditedOnce()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var before = await kit.LastAuditIdAsync();

        var patched = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Patch, $"/funds/{fundId}",
            new { name = "Renamed", description = "new words" }, HttpStatusCode.OK);
        Assert.Equal("Renamed", patched.GetProperty("name").GetString());
        Assert.Equal("new words", patched.GetProperty("description").GetString());
        var nameOnly = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Patch, $"/funds/{fundId}",
            new { name = "Renamed again" }, HttpStatusCode.OK);
        Assert.Equal("new words", nameOnly.GetProperty("description").GetString());
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Patch, $"/funds/{fundId}", new { name = "Renamed again" },
            HttpStatusCode.OK);

        var archived = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/funds/{fundId}/archive", null,
            HttpStatusCode.OK);
        Assert.True(archived.GetProperty("archived").GetBoolean());
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/funds/{fundId}/archive", null, HttpStatusCode.OK);
        var list = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/accounts/{kit.OrgId}/funds", null,
            HttpStatusCode.OK);
        Assert.True(list.EnumerateArray().Single(f => f.GetProperty("id").GetString() == fundId)
            .GetProperty("archived").GetBoolean());
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/funds/{fundId}/wallets",
            new { name = "late", asset = "ETH-TESTNET", type = "standard" }, HttpStatusCode.BadRequest,
            "fund_archived");

        var restored = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/funds/{fundId}/restore", null,
            HttpStatusCode.OK);
        Assert.False(restored.GetProperty("archived").GetBoolean());

        var audit = await kit.AuditAfterAsync(before);
        Assert.Equal(["fund.update", "fund.update", "fund.archive", "fund.restore"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(fundId, e.ObjectId));
    }

    [Fact]
    public async Task Wallet_RenameAndStatus_AreValidated()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        var updated = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Patch, $"/wallets/{walletId}",
            new { name = "Paused", status = "pending" }, HttpStatusCode.OK);
        Assert.Equal("pending", updated.GetProperty("status").GetString());
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Patch, $"/wallets/{walletId}",
            new { name = "Other", status = "frozen" }, HttpStatusCode.BadRequest, "invalid_status");
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Patch, $"/wallets/{walletId}",
            new { name = " " }, HttpStatusCode.BadRequest, "field_required");

        var read = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/wallets/{walletId}", null,
            HttpStatusCode.OK);
        Assert.Equal("Paused", read.GetProperty("name").GetString());
        Assert.Equal("pending", read.GetProperty("status").GetString());
        Assert.Equal(["wallet.update"], (await kit.AuditAfterAsync(before)).Select(e => e.Action));
    }

    [Theory]
    [InlineData("""{"name":"","approvers":[],"threshold":1}""", "field_required")]
    [InlineData("""{"name":"f","approvers":["x"]}""", "field_required")]
    [InlineData("""{"name":"f","approvers":["not-a-member"],"threshold":1}""", "approver_not_eligible")]
    [InlineData("""{"name":"f","approvers":[],"threshold":0}""", "threshold_unreachable")]
    [InlineData("""{"name":5}""", "malformed_body")]
    [InlineData("""[1,2]""", "malformed_body")]
    public async Task BadFundRequests_AreRefused_AndChangeNothing(string body, string error)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var before = await kit.LastAuditIdAsync();
        var funds = await kit.InDbAsync(db => db.Funds.CountAsync());

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds", body,
            HttpStatusCode.BadRequest, error);

        Assert.Equal(funds, await kit.InDbAsync(db => db.Funds.CountAsync()));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task OverLongFundName_IsRefused()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/funds",
            new { name = new string('n', 181), approvers = kit.Approvers, threshold = 1 }, HttpStatusCode.BadRequest,
            "field_too_long");
    }

    [Theory]
    [InlineData("BTC", "standard", "unknown_asset")]
    [InlineData("ETH", "standard", "mainnet_asset_in_sandbox")]
    [InlineData("ETH-TESTNET", "savings", "invalid_wallet_type")]
    public async Task BadWalletRequests_AreRefused_AndChangeNothing(string asset, string type, string error)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/funds/{fundId}/wallets",
            new { name = "w", asset, type }, HttpStatusCode.BadRequest, error);

        Assert.Equal(0, await kit.InDbAsync(db => db.Wallets.CountAsync(w => w.FundId == fundId)));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }
}
