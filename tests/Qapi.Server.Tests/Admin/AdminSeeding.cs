using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>People, organizations and memberships made through the admin API itself, with unique names.</summary>
public static class AdminSeeding
{
    public const string AdminBase = "/qapi/admin/v1";

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    public static AdminClient AdminClientFor(this QapiServerFixture server, string keyId, string secret) =>
        new(new SignedClient(server.Http, server.Origin + AdminBase, keyId, secret));

    public static async Task<AdminPerson> SignUpAsync(this QapiServerFixture server, string prefix = "p")
    {
        var username = Unique(prefix);
        using var response = await server.Http.PostAsJsonAsync(server.Origin + AdminBase + "/signup", new
        {
            username,
            firstName = "Test",
            lastName = prefix,
            email = username + "@people.test",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        var keyId = body.GetProperty("apiKey").GetProperty("id").GetString()!;
        var secret = body.GetProperty("apiKey").GetProperty("secret").GetString()!;
        return new AdminPerson(body.GetProperty("account").GetProperty("id").GetString()!, username, keyId, secret,
            body.GetProperty("mnemonic").GetString()!, server.AdminClientFor(keyId, secret));
    }

    /// <summary>An organization founded by the person, who is its only administrator.</summary>
    public static async Task<string> FoundOrganizationAsync(this AdminPerson founder, string name = "Org")
    {
        var (status, body) = await founder.Client.PostAsync("/orgs",
            new { name, email = "ops@org.test", domain = "org.test", address = "1 Street" });
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("organization").GetProperty("id").GetString()!;
    }

    /// <summary>Invites the person with the role and has them accept.</summary>
    public static async Task JoinAsync(this AdminPerson administrator, string orgId, AdminPerson person, string role)
    {
        var (invited, _) = await administrator.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = person.Username, role });
        Assert.Equal(HttpStatusCode.Created, invited);
        var (accepted, _) = await person.Client.PostAsync($"/me/invitations/{orgId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted);
    }

    /// <summary>A key of the account (not admin unless asked), held by the person.</summary>
    public static Task<(string KeyId, string Secret)> HeldKeyAsync(
        this QapiServerFixture server, string accountId, string holderId, ApiKeyPermissions permissions) =>
        server.InScopeAsync(async sp =>
        {
            var (key, secret) = await sp.GetRequiredService<ApiKeyService>()
                .CreateAsync(accountId, "held key", permissions, [], null, holderId, default);
            return (key.Id, secret);
        });

    public static Task<List<Data.Entities.AuditEntry>> AuditAfterAsync(this QapiServerFixture server, long after) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync());

    public static Task<long> AuditHeadAsync(this QapiServerFixture server) =>
        server.InScopeAsync(async sp => await sp.GetRequiredService<QapiDbContext>().AuditEntries
            .MaxAsync(e => (long?)e.Id) ?? 0);
}
