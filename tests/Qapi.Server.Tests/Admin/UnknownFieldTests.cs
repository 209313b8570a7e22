using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// Every admin request body refuses a field it does not take (a typo, a wrong letter case) with
/// <c>400 unknown_field</c> naming it, instead of ignoring it; the request then changes nothing and writes no
/// audit entry.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class UnknownFieldTests(AdminServerFixture server)
{
    [Fact]
    public async Task WalletPatch_WithAMisspelledStatus_Is400NamingIt_AndChangesNothing()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var walletId = (await kit.WalletAsync(await kit.FundAsync())).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        var refused = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Patch, $"/wallets/{walletId}",
            """{"staus":"expired"}""", HttpStatusCode.BadRequest);

        Assert.Equal("unknown_field", refused.GetProperty("detail").GetProperty("error").GetString());
        Assert.Contains("'staus' is not a field of this request; it takes name, status",
            refused.GetProperty("detail").GetProperty("reason").GetString());
        var wallet = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/wallets/{walletId}", null,
            HttpStatusCode.OK);
        Assert.Equal("ready", wallet.GetProperty("status").GetString());
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task EveryAdminBody_RefusesAnUnknownField_AndWritesNoAuditEntry()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var outsider = await server.SignUpAsync("unk");
        var org = kit.OrgId;
        var approver = kit.People["approver1"];
        var publicKey = ApproverKeys.Generate().PublicKeyHex;
        var before = await kit.LastAuditIdAsync();

        // Each body is one the route accepts, plus one field it does not take.
        (SignedClient Client, HttpMethod Method, string Path, object Body)[] requests =
        [
            (kit.Admin, HttpMethod.Post, $"/accounts/{org}/funds",
                new { name = "Other", description = "", approvers = kit.Approvers, threshold = 2, extra = 1 }),
            (kit.Admin, HttpMethod.Patch, $"/funds/{fundId}", new { name = "Renamed", extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/funds/{fundId}/wallets",
                new { name = "Cold", asset = "ETH-TESTNET", type = "external", extra = 1 }),
            (kit.Admin, HttpMethod.Patch, $"/wallets/{walletId}", new { name = "Renamed", extra = 1 }),
            (kit.Admin, HttpMethod.Put, $"/funds/{fundId}/policies/transaction",
                new { threshold = 1, members = new[] { approver }, extra = 1 }),
            (kit.Admin, HttpMethod.Put, $"/wallets/{walletId}/policies/transaction",
                new { threshold = 1, members = new[] { approver }, extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/allowlist",
                new { address = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", label = "x", extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/accounts/{org}/rpcnetworks",
                new { name = "devnet", chainID = 31337, url = "https://rpc.example/", extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet", new { amount = "0.1", extra = 1 }),
            (kit.Admin, HttpMethod.Patch, $"/accounts/{org}", new { name = "Renamed", extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/accounts/{org}/members",
                new { username = outsider.Username, role = "trader", extra = 1 }),
            (kit.Admin, HttpMethod.Patch, $"/accounts/{org}/members/{kit.People["trader"]}",
                new { role = "approver", extra = 1 }),
            (kit.Admin, HttpMethod.Post, $"/accounts/{org}/agents", new { name = "Bot", extra = 1 }),
            (kit.As("approver1"), HttpMethod.Post, $"/accounts/{org}/approvers/{approver}/keys",
                new { publicKey, extra = 1 }),
            (kit.As("admin"), HttpMethod.Post, "/orgs",
                new { name = "Org", email = "ops@org.test", domain = "org.test", address = "", extra = 1 }),
            (kit.As("admin"), HttpMethod.Post, $"/accounts/{kit.People["admin"]}/trustedparties",
                new { username = outsider.Username, extra = 1 }),
        ];
        foreach (var (client, method, path, body) in requests)
        {
            var refused = await FundAdminKit.SendAsync(client, method, path, body, HttpStatusCode.BadRequest);
            var detail = refused.GetProperty("detail");
            Assert.Equal("unknown_field", detail.GetProperty("error").GetString());
            Assert.StartsWith("'extra' is not a field of this request", detail.GetProperty("reason").GetString());
        }

        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task FieldNames_AreMatchedExactly_NotIgnoringLetterCase()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync("Exact");
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Patch, $"/funds/{fundId}", """{"Name":"Renamed"}""",
            HttpStatusCode.BadRequest, "unknown_field");

        var fund = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/funds/{fundId}", null,
            HttpStatusCode.OK);
        Assert.Equal("Exact", fund.GetProperty("name").GetString());
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task Signup_WithAnUnknownField_IsRefused_AndCreatesNoAccount()
    {
        var username = AdminSeeding.Unique("unk");
        var before = await server.AuditHeadAsync();

        using var response = await server.Http.PostAsJsonAsync(server.Origin + AdminSeeding.AdminBase + "/signup",
            new { username, firstName = "A", lastName = "B", email = "a@b.test", password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("'password' is not a field", answer.GetProperty("detail").GetProperty("reason").GetString());
        Assert.False(await server.InScopeAsync(sp => sp.GetRequiredService<Data.QapiDbContext>().Accounts
            .AnyAsync(a => a.Username == username)));
        Assert.Empty(await server.AuditAfterAsync(before));
    }
}
