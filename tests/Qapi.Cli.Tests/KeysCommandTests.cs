using System.Text.Json;

namespace Qapi.Cli.Tests;

[Collection(ServerCollection.Name)]
public sealed class KeysCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Create_ThenList_ShowsTheKeyButNeverItsSecret()
    {
        var created = await RunAsync("keys", "create", "--account", server.OrganizationId, "--name", "[ops] reporting",
            "--permissions", "balance,read_only", "--expires", "2099-01-01");

        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        var (id, secret) = (Field(created.Out, "API key"), Field(created.Out, "secret"));
        Assert.Equal(ApiSecretLength, secret.Length);
        Assert.Contains("shown this once", created.Error);

        var table = await RunAsync("keys", "list");
        var json = await RunAsync("keys", "list", "--json");

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        var row = table.Out.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("[ops] reporting", row);
        Assert.Contains("balance,read_only", row);
        Assert.Contains("2099-01-01T00:00:00Z", row);
        Assert.DoesNotContain(secret, table.Out);
        Assert.DoesNotContain(secret, json.Out);
        Assert.DoesNotContain("secret", json.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Keys(json.Out), k => k.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Create_ByUsernameAndWithWalletScope_BindsTheRightAccountAndWallets()
    {
        var personal = await RunAsync("keys", "create", "--account", "alice", "--permissions", "web3", "--json");
        var scoped = await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "balance",
            "--wallet", server.WalletId, "--json");

        Assert.Equal(ExitCodes.Ok, personal.ExitCode);
        var accounts = await RunAsync("accounts", "list", "--json");
        var alice = Accounts(accounts.Out).Single(a => a.GetProperty("username").GetString() == "alice");
        var personalKey = JsonDocument.Parse(personal.Out).RootElement.GetProperty("key");
        Assert.Equal(alice.GetProperty("id").GetString(), personalKey.GetProperty("accountId").GetString());
        Assert.Equal(ExitCodes.Ok, scoped.ExitCode);
        var scopedKey = JsonDocument.Parse(scoped.Out).RootElement.GetProperty("key");
        Assert.Equal([server.WalletId], scopedKey.GetProperty("wallets").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Revoke_KeyInUse_ListShowsRevokedAndTheServerRefusesIt()
    {
        var created = await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions",
            "balance", "--json");
        var key = JsonDocument.Parse(created.Out).RootElement;
        var id = key.GetProperty("id").GetString()!;
        var secret = key.GetProperty("secret").GetString()!;
        string[] balance = ["send", "-api-key", id, "-secret", secret, "-url", server.BaseUrl + "/balance"];
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(balance)).ExitCode);

        var revoked = await RunAsync("keys", "revoke", id);
        var again = await RunAsync("keys", "revoke", id);
        var table = await RunAsync("keys", "list");
        var json = await RunAsync("keys", "list", "--json");
        var refused = await CliRun.RunAsync(balance);

        Assert.Equal(ExitCodes.Ok, revoked.ExitCode);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("revoked", again.Error);
        Assert.Contains("yes, ", table.Out.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal)));
        var listed = Keys(json.Out).Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(ExitCodes.RequestFailed, refused.ExitCode);
        Assert.Contains("401", refused.Error);
        Assert.Contains("key_revoked", refused.Out);
    }

    [Theory]
    [InlineData("--permissions", "balance,admin")]
    [InlineData("--permissions", ",")]
    [InlineData("--permissions", "balance", "--expires", "01/02/2099")]
    [InlineData("--permissions", "balance", "--expires", "2001-01-01")]
    [InlineData("--permissions", "balance", "--wallet", "NoSuchWallet")]
    [InlineData("--permissions", "balance", "--nmae", "typo")]
    public async Task Create_BadInput_ExitsTwoWithOneLineAndCreatesNothing(params string[] input)
    {
        var before = Keys((await RunAsync("keys", "list", "--json")).Out).Count;

        var result = await RunAsync(["keys", "create", "--account", server.OrganizationId, .. input]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("qapi: ", result.Error);
        Assert.Equal(before, Keys((await RunAsync("keys", "list", "--json")).Out).Count);
    }

    [Fact]
    public async Task Create_AdminKeyWithHolder_IsHeldByTheAdministrator_AndReachesTheAdminApi()
    {
        var created = await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "admin",
            "--holder", "alice", "--name", "alice admin", "--json");
        var key = JsonDocument.Parse(created.Out).RootElement;
        var environment = new Dictionary<string, string>
        {
            ["QAPI_SECRET"] = key.GetProperty("secret").GetString()!,
            ["QAPI_SERVER"] = server.Origin,
        };

        var shown = await CliRun.RunAsync(["org", "show", server.OrganizationId, "--api-key",
            key.GetProperty("id").GetString()!], environment: environment);

        Assert.True(created.ExitCode == ExitCodes.Ok, created.Error);
        Assert.Equal(["admin"], key.GetProperty("key").GetProperty("permissions").EnumerateArray()
            .Select(p => p.GetString()));
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.Error);
        Assert.Contains("Demo Organization", shown.Out);
    }

    [Theory]
    [InlineData("--holder", "bob")]
    [InlineData("--holder", "nobody")]
    [InlineData()]
    public async Task Create_AdminKeyWithoutAnAdministratorHolder_ExitsTwoAndCreatesNothing(params string[] holder)
    {
        var before = Keys((await RunAsync("keys", "list", "--json")).Out).Count;

        var result = await RunAsync(["keys", "create", "--account", server.OrganizationId, "--permissions", "admin",
            .. holder]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(holder.Length == 0 ? "--holder" : holder[1] == "bob" ? "administrator" : "nobody",
            result.Error);
        Assert.Equal(before, Keys((await RunAsync("keys", "list", "--json")).Out).Count);
    }

    [Fact]
    public async Task Create_UnknownPermission_NamesEveryPermissionIncludingAdmin()
    {
        var result = await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "root");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("balance, read_only, web3 or admin", result.Error);
    }

    [Fact]
    public async Task Create_UnknownAccount_ExitsTwoAndCreatesNothing()
    {
        var before = Keys((await RunAsync("keys", "list", "--json")).Out).Count;

        var result = await RunAsync("keys", "create", "--account", "nobody", "--permissions", "balance");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("nobody", result.Error);
        Assert.Equal(before, Keys((await RunAsync("keys", "list", "--json")).Out).Count);
    }

    [Fact]
    public async Task Update_NameAndExpiry_ChangesThemAndNoExpiryClearsIt()
    {
        var created = await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions",
            "balance", "--expires", "2099-06-01T12:00:00+02:00", "--json");
        var id = JsonDocument.Parse(created.Out).RootElement.GetProperty("id").GetString()!;
        var dated = JsonDocument.Parse(created.Out).RootElement.GetProperty("key").GetProperty("expiresAt");
        Assert.Equal("2099-06-01T10:00:00Z", dated.GetString());

        var renamed = await RunAsync("keys", "update", id, "--name", "renamed", "--permissions", "read_only",
            "--no-expiry", "--json");
        var contradictory = await RunAsync("keys", "update", id, "--expires", "2099-01-01", "--no-expiry");
        var nothing = await RunAsync("keys", "update", id);

        Assert.Equal(ExitCodes.Ok, renamed.ExitCode);
        var key = JsonDocument.Parse(renamed.Out).RootElement;
        Assert.Equal("renamed", key.GetProperty("name").GetString());
        Assert.Equal(["read_only"], key.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Null, key.GetProperty("expiresAt").ValueKind);
        Assert.Equal(ExitCodes.BadInput, contradictory.ExitCode);
        Assert.Equal(ExitCodes.BadInput, nothing.ExitCode);
    }

    [Fact]
    public async Task AccountsList_DemoStore_ShowsTheOrganizationAndItsMembers()
    {
        var result = await RunAsync("accounts", "list");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(server.OrganizationId, result.Out);
        Assert.Contains("Demo Organization", result.Out);
        Assert.Contains("alice", result.Out);
    }

    [Fact]
    public async Task KeysList_NoStoreThere_ExitsTwoAndCreatesNone()
    {
        var missing = Path.Combine(server.DataDirectory, "no-such-store");

        var result = await CliRun.RunAsync(["keys", "list", "--data", missing]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("qapi serve", result.Error);
        Assert.False(Directory.Exists(missing));
    }

    private const int ApiSecretLength = 64;

    private Task<CliResult> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--data", server.DataDirectory]);

    private static string Field(string output, string label) => output.Split('\n')
        .Select(l => l.Trim())
        .Single(l => l.StartsWith(label + " ", StringComparison.Ordinal))[label.Length..].Trim();

    private static List<JsonElement> Keys(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

    private static List<JsonElement> Accounts(string json) => Keys(json);
}
