using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin.Keys;

/// <summary>The admin API's key routes: who may create keys, for what, and what those keys can then read.</summary>
public sealed class KeyEndpointTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Administrator_CreatesWalletScopedReadOnlyKey_ThatReadsOnlyThatWallet()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);

        var created = await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
                $$"""{"name":"auditor","permissions":["read_only"],"wallets":["{{org.Wallet1}}"]}"""))
            .JsonAsync(HttpStatusCode.Created);

        var key = created.GetProperty("key");
        Assert.Equal(org.Administrator.Id, key.GetProperty("holderId").GetString());
        Assert.Equal(["read_only"], key.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal([org.Wallet1], key.GetProperty("wallets").EnumerateArray().Select(w => w.GetString()));
        var reader = server.ClientFor(key.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
        var balance = await (await reader.GetAsync("/balance")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(AdminOrganization.Wallet1Balance, balance.GetProperty("assets").GetProperty("ETH-TESTNET")
            .GetProperty("total").GetInt64());
        await (await reader.GetAsync($"/wallet/{org.Wallet1}/history")).JsonAsync(HttpStatusCode.OK);
        await (await reader.GetAsync($"/wallet/{org.Wallet2}/history"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "outside_key_scope");
        await (await reader.GetAsync("/account")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_ShowsTheAccountsKeys_NeverASecret()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        var created = await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
            """{"permissions":"balance","expiresAt":"2099-01-01"}""")).JsonAsync(HttpStatusCode.Created);

        var listed = await (await admin.GetAsync($"/accounts/{org.OrgId}/keys")).JsonAsync(HttpStatusCode.OK);

        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal(created.GetProperty("key").GetProperty("id").GetString(), row.GetProperty("id").GetString());
        Assert.Equal("2099-01-01T00:00:00Z", row.GetProperty("expiresAt").GetString());
        Assert.DoesNotContain(created.GetProperty("secret").GetString()!, listed.GetRawText());
        Assert.DoesNotContain("secret", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("approver")]
    [InlineData("trader")]
    public async Task NonAdministrator_CreatingOrRevokingKeys_Is403RoleForbidden(string who)
    {
        var org = await AdminOrganization.CreateAsync(server);
        var person = who == "trader" ? org.Trader : org.Approver;
        var (existing, _) = await server.KeyAsync(org.OrgId, ApiKeyPermissions.Balance);
        var client = person.AdminClient(server);

        await (await client.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
            """{"permissions":["read_only"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "role_forbidden");
        await (await client.GetAsync($"/accounts/{org.OrgId}/keys"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "role_forbidden");
        await (await client.SendAsync(HttpMethod.Delete, $"/keys/{existing}", null))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "role_forbidden");
        await (await client.GetAsync($"/accounts/{org.OrgId}/audit"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "role_forbidden");

        Assert.Equal([existing], (await KeysOfAsync(org.OrgId)).Select(k => k.Id));
    }

    [Fact]
    public async Task AdministratorOfAnotherOrganization_Gets404_AndChangesNothing()
    {
        var mine = await AdminOrganization.CreateAsync(server);
        var theirs = await AdminOrganization.CreateAsync(server);
        var (theirKey, _) = await server.KeyAsync(theirs.OrgId, ApiKeyPermissions.Balance);
        var admin = mine.Administrator.AdminClient(server);

        await (await admin.GetAsync($"/accounts/{theirs.OrgId}/keys"))
            .AssertErrorAsync(HttpStatusCode.NotFound, "account_not_found");
        await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{theirs.OrgId}/keys",
            """{"permissions":["read_only"]}""")).AssertErrorAsync(HttpStatusCode.NotFound, "account_not_found");
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{theirKey}", """{"name":"mine now"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "key_not_found");
        await (await admin.SendAsync(HttpMethod.Delete, $"/keys/{theirKey}", null))
            .AssertErrorAsync(HttpStatusCode.NotFound, "key_not_found");
        await (await admin.GetAsync($"/accounts/{theirs.OrgId}/audit"))
            .AssertErrorAsync(HttpStatusCode.NotFound, "account_not_found");
        await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{mine.OrgId}/keys",
                $$"""{"permissions":["read_only"],"wallets":["{{theirs.Wallet1}}"]}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "wallet_not_found");

        var key = Assert.Single(await KeysOfAsync(theirs.OrgId));
        Assert.Equal(("test key", null), (key.Name, key.RevokedAt));
        Assert.Empty(await KeysOfAsync(mine.OrgId));
    }

    [Fact]
    public async Task ReadOnlyKey_OnTheAdminApi_Is403PermissionMissing()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var (keyId, secret) = await server.KeyAsync(org.OrgId, ApiKeyPermissions.ReadOnly);
        var client = new SignedClient(server.Http, server.Origin + "/qapi/admin/v1", keyId, secret);

        await (await client.GetAsync($"/accounts/{org.OrgId}/keys"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "permission_missing");
        await (await client.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
            """{"permissions":["admin"]}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "permission_missing");
    }

    [Fact]
    public async Task AdminKey_IsRefusedForANonAdministratorHolder_AndWhenNarrowedToWallets()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        var (traderKey, _) = await server.InScopeAsync(sp => sp.GetRequiredService<ApiKeyService>()
            .CreateAsync(org.OrgId, "trader's", ApiKeyPermissions.ReadOnly, [], null, org.Trader.Id, default));

        var direct = await Assert.ThrowsAsync<QapiError>(() => server.InScopeAsync(sp =>
            sp.GetRequiredService<ApiKeyService>().CreateAsync(org.OrgId, "x", ApiKeyPermissions.Admin, [], null,
                org.Trader.Id, default)));
        Assert.Equal("admin_key_needs_administrator", direct.Reason);
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{traderKey.Id}", """{"permissions":["admin"]}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "admin_key_needs_administrator");
        await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
                $$"""{"permissions":["admin"],"wallets":["{{org.Wallet1}}"]}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "admin_key_scoped");

        var key = Assert.Single(await KeysOfAsync(org.OrgId));
        Assert.Equal(ApiKeyPermissions.ReadOnly, key.Permissions);
    }

    [Fact]
    public async Task DemotedAdministrator_LosesKeyManagementAtOnce()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        await (await admin.GetAsync($"/accounts/{org.OrgId}/keys")).JsonAsync(HttpStatusCode.OK);

        await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Qapi.Data.QapiDbContext>();
            var member = db.OrganizationMembers.Single(m => m.OrganizationId == org.OrgId
                && m.UserId == org.Administrator.Id);
            member.Role = Core.Accounts.MemberRole.Trader;
            return await db.SaveChangesAsync();
        });

        await (await admin.GetAsync($"/accounts/{org.OrgId}/keys"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "role_forbidden");
    }

    [Theory]
    [InlineData("""{"permissions":["read_only","superuser"]}""", "unknown_permission")]
    [InlineData("""{"permissions":[]}""", "permissions_required")]
    [InlineData("""{"name":"x"}""", "permissions_required")]
    [InlineData("""{"permissions":["balance"],"expiresAt":"2001-01-01"}""", "expiry_in_past")]
    [InlineData("""{"permissions":["balance"],"expiresAt":"next week"}""", "invalid_expiry")]
    [InlineData("""{"permissions":["balance"],"scope":"all"}""", "unknown_field")]
    [InlineData("""{"permissions":["balance"],"wallets":"W1"}""", "invalid_wallets")]
    [InlineData("""[1,2]""", "malformed_body")]
    [InlineData("""{"permissions":""", "malformed_body")]
    public async Task Create_BadInput_Is400AndWritesNothing(string body, string error)
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        var auditBefore = await AuditTotalAsync(admin, org.OrgId);

        await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys", body))
            .AssertErrorAsync(HttpStatusCode.BadRequest, error);

        Assert.Empty(await KeysOfAsync(org.OrgId));
        Assert.Equal(auditBefore, await AuditTotalAsync(admin, org.OrgId));
    }

    [Fact]
    public async Task Update_ThenRevoke_ChangesTheKey_AndTheServerRefusesItAfterwards()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        var created = await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
            """{"permissions":["balance"],"expiresAt":"2099-01-01T00:00:00Z"}""")).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("key").GetProperty("id").GetString()!;
        var client = server.ClientFor(id, created.GetProperty("secret").GetString()!);

        var updated = await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}",
            """{"name":"nightly","permissions":["balance","read_only"],"expiresAt":null}"""))
            .JsonAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/funds")).JsonAsync(HttpStatusCode.OK);
        await (await admin.SendAsync(HttpMethod.Delete, $"/keys/{id}", null)).JsonAsync(HttpStatusCode.NoContent);

        Assert.Equal("nightly", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("expiresAt").ValueKind);
        await (await client.GetAsync("/balance")).AssertErrorAsync(HttpStatusCode.Unauthorized, "key_revoked");
        await (await admin.SendAsync(HttpMethod.Delete, $"/keys/{id}", null))
            .AssertErrorAsync(HttpStatusCode.Conflict, "key_revoked");
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}", "{}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "nothing_to_change");
        var listed = await (await admin.GetAsync($"/accounts/{org.OrgId}/keys")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.String, Assert.Single(listed.EnumerateArray()).GetProperty("revokedAt").ValueKind);
    }

    private Task<List<Qapi.Data.Entities.ApiKey>> KeysOfAsync(string accountId) =>
        server.InScopeAsync(async sp =>
            (await sp.GetRequiredService<ApiKeyService>().ListAsync(accountId, default)).ToList());

    private static async Task<int> AuditTotalAsync(SignedClient admin, string accountId) =>
        (await (await admin.GetAsync($"/accounts/{accountId}/audit")).JsonAsync(HttpStatusCode.OK))
        .GetProperty("total").GetInt32();
}
