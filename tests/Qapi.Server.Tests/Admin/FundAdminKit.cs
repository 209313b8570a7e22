using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// An organization with one member of each role and three approvers, each person holding their own admin key,
/// created directly through the domain services (sign-up and membership endpoints are not used here).
/// </summary>
public sealed class FundAdminKit
{
    public const string AdminBase = "/qapi/admin/v1";

    private readonly QapiServerFixture _server;
    private readonly Dictionary<string, string> _people = [];
    private readonly Dictionary<string, SignedClient> _clients = [];

    private FundAdminKit(QapiServerFixture server, string suffix)
    {
        _server = server;
        Suffix = suffix;
    }

    public string Suffix { get; }

    public string OrgId { get; private set; } = "";

    /// <summary>The organization's own admin key, issued to its administrator.</summary>
    public SignedClient Admin { get; private set; } = null!;

    /// <summary>The people by role name: admin, organizer, approver1..3, trader.</summary>
    public IReadOnlyDictionary<string, string> People => _people;

    public string Username(string role) => role + Suffix;

    /// <summary>The admin client of a person's own key (which reaches the organizations they belong to).</summary>
    public SignedClient As(string role) => _clients[role];

    public IReadOnlyList<string> Approvers => [_people["approver1"], _people["approver2"], _people["approver3"]];

    public static async Task<FundAdminKit> CreateAsync(QapiServerFixture server)
    {
        var kit = new FundAdminKit(server, Guid.NewGuid().ToString("N")[..8]);
        await kit.SeedAsync();
        return kit;
    }

    private async Task SeedAsync()
    {
        var roles = new (string Name, MemberRole Role)[]
        {
            ("admin", MemberRole.Administrator), ("organizer", MemberRole.FundOrganizer),
            ("approver1", MemberRole.Approver), ("approver2", MemberRole.Approver),
            ("approver3", MemberRole.Approver), ("trader", MemberRole.Trader),
        };
        OrgId = await _server.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var keys = sp.GetRequiredService<ApiKeyService>();
            var (org, _) = await accounts.CreateOrganizationAsync("Org " + Suffix, $"org{Suffix}@kit.test",
                "kit.test", "", default);
            foreach (var (name, role) in roles)
            {
                var (person, _) = await accounts.CreatePersonalAsync(Username(name), name, "Kit",
                    $"{name}{Suffix}@kit.test", default);
                await accounts.AddMemberAsync(org.Id, person.Id, role, default);
                var (key, secret) = await keys.CreateAsync(person.Id, "own admin key", ApiKeyPermissions.Admin, [],
                    null, person.Id, default);
                _people[name] = person.Id;
                _clients[name] = Client(key.Id, secret);
            }

            var (orgKey, orgSecret) = await keys.CreateAsync(org.Id, "org admin key", ApiKeyPermissions.Admin, [],
                null, _people["admin"], default);
            Admin = Client(orgKey.Id, orgSecret);
            return org.Id;
        });
    }

    /// <summary>A key of the organization for <c>/qapi/v1</c>, with no holder.</summary>
    public async Task<SignedClient> ApiClientAsync(ApiKeyPermissions permissions)
    {
        var (keyId, secret) = await _server.KeyAsync(OrgId, permissions);
        return _server.ClientFor(keyId, secret);
    }

    /// <summary>An admin-API client for any key (for example one without the admin permission).</summary>
    public SignedClient Client(string keyId, string secret) =>
        new(_server.Http, _server.Origin + AdminBase, keyId, secret);

    public static async Task<JsonElement> SendAsync(
        SignedClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        // A string is sent as it is, so a test can send JSON no serializer would write.
        var text = body switch
        {
            null => null,
            string raw => raw,
            _ => JsonSerializer.Serialize(body),
        };
        using var response = await client.SendAsync(method, path, text);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {answer}");
        return answer.Length == 0 ? default : JsonDocument.Parse(answer).RootElement.Clone();
    }

    /// <summary>Sends and expects an error with that status and reason token.</summary>
    public static async Task RefusedAsync(
        SignedClient client, HttpMethod method, string path, object? body, HttpStatusCode status, string error)
    {
        var json = await SendAsync(client, method, path, body, status);
        Assert.Equal(error, json.GetProperty("detail").GetProperty("error").GetString());
    }

    /// <summary>A fund created through the API by the administrator, with a 2-of-3 initial policy.</summary>
    public async Task<string> FundAsync(string name = "Treasury")
    {
        var fund = await SendAsync(Admin, HttpMethod.Post, $"/accounts/{OrgId}/funds",
            new { name, description = "kit fund", approvers = Approvers, threshold = 2 }, HttpStatusCode.Created);
        return fund.GetProperty("id").GetString()!;
    }

    /// <summary>A wallet created through the API; external wallets propose Web3 transactions.</summary>
    public async Task<JsonElement> WalletAsync(string fundId, string type = "external", string name = "Hot") =>
        await SendAsync(Admin, HttpMethod.Post, $"/funds/{fundId}/wallets",
            new { name, asset = "ETH-TESTNET", type }, HttpStatusCode.Created);

    /// <summary>The audit entries after <paramref name="afterId"/>, oldest first.</summary>
    public Task<List<AuditEntry>> AuditAfterAsync(long afterId) =>
        _server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync());

    public Task<long> LastAuditIdAsync() =>
        InDbAsync(async db => await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0);

    public Task<T> InDbAsync<T>(Func<QapiDbContext, Task<T>> work) =>
        _server.InScopeAsync(sp => work(sp.GetRequiredService<QapiDbContext>()));
}
