using System.Net;
using System.Text.Json;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin.Keys;

/// <summary>The admin API's audit route: each change once, with its actor, newest first, one account's only.</summary>
public sealed class AuditEndpointTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task EveryKeyChange_AppearsExactlyOnce_WithThePersonAndKeyAsActor()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);

        var created = await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
            """{"name":"reporting","permissions":["read_only"]}""")).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("key").GetProperty("id").GetString()!;
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}", """{"name":"renamed"}"""))
            .JsonAsync(HttpStatusCode.OK);
        await (await admin.SendAsync(HttpMethod.Delete, $"/keys/{id}", null)).JsonAsync(HttpStatusCode.NoContent);

        var page = await (await admin.GetAsync($"/accounts/{org.OrgId}/audit")).JsonAsync(HttpStatusCode.OK);
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        var aboutKey = entries.Where(e => e.GetProperty("objectId").GetString() == id).ToList();
        Assert.Equal(["api_key.revoke", "api_key.update", "api_key.create"],
            aboutKey.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(aboutKey.Select(e => e.GetProperty("id").GetInt64()).Order().Reverse(),
            aboutKey.Select(e => e.GetProperty("id").GetInt64()));
        Assert.All(aboutKey, e => Assert.Equal($"person:{org.Administrator.Id} key:{org.Administrator.KeyId}",
            e.GetProperty("actor").GetString()));
        Assert.Equal("reporting", aboutKey[2].GetProperty("detail").GetProperty("name").GetString());
        Assert.DoesNotContain(created.GetProperty("secret").GetString()!, page.GetRawText());
    }

    [Fact]
    public async Task UpdateToTheKeysOwnValues_Answers200_AndWritesNoAuditEntry()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        const string Same = """{"name":"reporting","permissions":["read_only"],"expiresAt":"2099-01-01T00:00:00Z"}""";
        var created = await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys", Same))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("key").GetProperty("id").GetString()!;
        var before = await TotalAsync(admin, org.OrgId);

        var unchanged = await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}", Same))
            .JsonAsync(HttpStatusCode.OK);
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}", """{"permissions":"read_only"}"""))
            .JsonAsync(HttpStatusCode.OK);
        var afterNoOps = await TotalAsync(admin, org.OrgId);
        await (await admin.SendAsync(HttpMethod.Patch, $"/keys/{id}", """{"expiresAt":null}"""))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("reporting", unchanged.GetProperty("name").GetString());
        Assert.Equal(before, afterNoOps);
        Assert.Equal(before + 1, await TotalAsync(admin, org.OrgId));
    }

    [Fact]
    public async Task Pages_AreNewestFirst_AndHoldOnlyThatAccountsEntries()
    {
        var org = await AdminOrganization.CreateAsync(server);
        var other = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);
        for (var i = 0; i < 3; i++)
        {
            await (await admin.SendAsync(HttpMethod.Post, $"/accounts/{org.OrgId}/keys",
                $$"""{"name":"k{{i}}","permissions":["balance"]}""")).JsonAsync(HttpStatusCode.Created);
        }

        var all = await PageAsync(admin, org.OrgId, "?size=500");
        var first = await PageAsync(admin, org.OrgId, "?page=1&size=2");
        var second = await PageAsync(admin, org.OrgId, "?page=2&size=2");
        var beyond = await PageAsync(admin, org.OrgId, "?page=999&size=2");

        var ids = Ids(all);
        Assert.Equal(ids.Order().Reverse(), ids);
        Assert.Equal(all.GetProperty("total").GetInt32(), ids.Count);
        Assert.Equal(ids.Take(4), Ids(first).Concat(Ids(second)));
        Assert.Empty(Ids(beyond));
        Assert.Equal(3, all.GetProperty("entries").EnumerateArray()
            .Count(e => e.GetProperty("action").GetString() == "api_key.create"));
        Assert.DoesNotContain(other.OrgId, all.GetRawText());
        Assert.DoesNotContain(other.Wallet1, all.GetRawText());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheKeyAndAuditRoutes()
    {
        var document = await (await server.Http.GetAsync(server.Origin + "/openapi/v1.json"))
            .JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/qapi/admin/v1/accounts/{accountId}/keys", paths);
        Assert.Contains("/qapi/admin/v1/keys/{keyId}", paths);
        Assert.Contains("/qapi/admin/v1/accounts/{accountId}/audit", paths);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("CreateApiKeyRequest", out _));
        Assert.True(schemas.TryGetProperty("AuditPageResponse", out _));
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?size=0")]
    [InlineData("?size=501")]
    [InlineData("?size=ten")]
    public async Task BadPaging_Is400(string query)
    {
        var org = await AdminOrganization.CreateAsync(server);
        var admin = org.Administrator.AdminClient(server);

        var response = await admin.GetAsync($"/accounts/{org.OrgId}/audit{query}");

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("invalid_", body.GetProperty("detail").GetProperty("error").GetString());
    }

    private static async Task<JsonElement> PageAsync(SignedClient admin, string accountId, string query) =>
        await (await admin.GetAsync($"/accounts/{accountId}/audit{query}")).JsonAsync(HttpStatusCode.OK);

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();

    private static async Task<int> TotalAsync(SignedClient admin, string accountId) =>
        (await PageAsync(admin, accountId, "")).GetProperty("total").GetInt32();
}
