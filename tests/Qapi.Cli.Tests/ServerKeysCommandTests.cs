using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi keys` and `qapi audit list` through a running server's admin API, with an admin's key.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerKeysCommandTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-admin-").FullName;

    [Fact]
    public async Task Create_WalletScopedReadOnlyKey_ReadsOnlyItsWallet_AndIsListedWithoutItsSecret()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var saved = Path.Combine(_folder, "reader.json");

        var created = await CliRun.RunAsync(["keys", "create", "--credentials", alice, "--account",
            server.OrganizationId, "--name", "reader", "--permissions", "read_only", "--wallet", server.WalletId,
            "--save", saved]);
        var list = await CliRun.RunAsync(["keys", "list", "--credentials", alice, "--account", server.OrganizationId]);

        Assert.True(created.ExitCode == ExitCodes.Ok, created.Error);
        Assert.Contains("saved to " + saved, created.Out);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(saved));
        var file = JsonDocument.Parse(File.ReadAllText(saved)).RootElement;
        var (id, secret) = (file.GetProperty("apiKey").GetString()!, file.GetProperty("secret").GetString()!);
        Assert.DoesNotContain(secret, created.Out + created.Error);
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains("reader", list.Out.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(secret, list.Out);

        var balance = await SendAsync(id, secret, "/balance");
        var ownHistory = await SendAsync(id, secret, $"/wallet/{server.WalletId}/history");
        var admin = await SendAsync(id, secret, "/account");
        Assert.Equal(ExitCodes.Ok, balance.ExitCode);
        Assert.Equal(ExitCodes.Ok, ownHistory.ExitCode);
        Assert.Equal(ExitCodes.Ok, admin.ExitCode);
    }

    [Fact]
    public async Task UpdateAndRevoke_ThroughTheServer_AndEachIsInTheAuditOnce()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var created = await CliRun.RunAsync(["keys", "create", "--credentials", alice, "--account",
            server.OrganizationId, "--permissions", "balance", "--json"]);
        var id = JsonDocument.Parse(created.Out).RootElement.GetProperty("key").GetProperty("id").GetString()!;

        var updated = await CliRun.RunAsync(["keys", "update", id, "--credentials", alice, "--name", "nightly",
            "--expires", "2099-01-01", "--json"]);
        var revoked = await CliRun.RunAsync(["keys", "revoke", id, "--credentials", alice]);
        var again = await CliRun.RunAsync(["keys", "revoke", id, "--credentials", alice]);
        var audit = await CliRun.RunAsync(["audit", "list", "--credentials", alice, "--account",
            server.OrganizationId, "--limit", "500", "--json"]);

        Assert.True(updated.ExitCode == ExitCodes.Ok, updated.Error);
        var key = JsonDocument.Parse(updated.Out).RootElement;
        Assert.Equal("nightly", key.GetProperty("name").GetString());
        Assert.Equal("2099-01-01T00:00:00Z", key.GetProperty("expiresAt").GetString());
        Assert.Equal(ExitCodes.Ok, revoked.ExitCode);
        Assert.Equal(ExitCodes.RequestFailed, again.ExitCode);
        Assert.Contains("key_revoked", again.Error);
        var entries = JsonDocument.Parse(audit.Out).RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("objectId").GetString() == id).ToList();
        Assert.Equal(["api_key.revoke", "api_key.update", "api_key.create"],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.StartsWith("person:", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task ApproversKey_IsRefusedWithTheServersReason_AndExitsOne()
    {
        var bob = await AdminCredentials.FileForAsync(server, "bob", _folder);

        var result = await CliRun.RunAsync(["keys", "create", "--credentials", bob, "--account",
            server.OrganizationId, "--permissions", "read_only"]);

        Assert.Equal(ExitCodes.RequestFailed, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("403", result.Error);
        Assert.Contains("role_forbidden", result.Error);
    }

    [Fact]
    public async Task QapiCredentialsVariable_ChoosesTheServer_AndStoreFlagsStillChooseTheStore()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var environment = new Dictionary<string, string> { ["QAPI_CREDENTIALS"] = alice };

        var viaServer = await CliRun.RunAsync(["keys", "list", "--account", server.OrganizationId, "--json"],
            environment: environment);
        var viaStore = await CliRun.RunAsync(["keys", "list", "--json", "--data", server.DataDirectory],
            environment: environment);

        Assert.True(viaServer.ExitCode == ExitCodes.Ok, viaServer.Error);
        Assert.All(JsonDocument.Parse(viaServer.Out).RootElement.EnumerateArray(),
            k => Assert.Equal(server.OrganizationId, k.GetProperty("accountId").GetString()));
        Assert.Equal(ExitCodes.Ok, viaStore.ExitCode);
        Assert.Contains(JsonDocument.Parse(viaStore.Out).RootElement.EnumerateArray(),
            k => k.GetProperty("accountId").GetString() != server.OrganizationId);
    }

    [Theory]
    [InlineData("both kinds", "--data", "DATA", "--credentials", "ALICE")]
    [InlineData("no account", "--credentials", "ALICE")]
    [InlineData("no secret", "--api-key", "someKey")]
    [InlineData("missing file", "--credentials", "/no/such/file.json")]
    [InlineData("key and file", "--credentials", "ALICE", "--api-key", "someKey")]
    [InlineData("stray token", "--credentials", "ALICE", "--account", "ORG", "extra")]
    public async Task BadConnectionInput_ExitsTwo_BeforeAnythingIsSent(string why, params string[] flags)
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var args = flags.Select(f => f switch
        {
            "DATA" => server.DataDirectory,
            "ALICE" => alice,
            "ORG" => server.OrganizationId,
            _ => f,
        });

        var result = await CliRun.RunAsync(["keys", "list", .. args]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, why + ": " + result.Error);
        Assert.StartsWith("qapi: ", result.Error);
    }

    [Fact]
    public async Task CreateWithSaveAndJson_KeepsTheSecretInTheFileAlone()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var saved = Path.Combine(_folder, "scripted.json");

        var created = await CliRun.RunAsync(["keys", "create", "--credentials", alice, "--account",
            server.OrganizationId, "--permissions", "read_only", "--save", saved, "--json"]);

        Assert.True(created.ExitCode == ExitCodes.Ok, created.Error);
        var secret = JsonDocument.Parse(File.ReadAllText(saved)).RootElement.GetProperty("secret").GetString()!;
        Assert.DoesNotContain(secret, created.Out + created.Error);
        Assert.False(JsonDocument.Parse(created.Out).RootElement.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task CreateWithSaveIntoAMissingDirectory_ExitsTwo_AndCreatesNoKey()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var before = await CliRun.RunAsync(["keys", "list", "--credentials", alice, "--account",
            server.OrganizationId, "--json"]);
        var nowhere = Path.Combine(_folder, "no-such-directory", "key.json");

        var created = await CliRun.RunAsync(["keys", "create", "--credentials", alice, "--account",
            server.OrganizationId, "--permissions", "read_only", "--save", nowhere]);
        var after = await CliRun.RunAsync(["keys", "list", "--credentials", alice, "--account",
            server.OrganizationId, "--json"]);

        Assert.Equal(ExitCodes.BadInput, created.ExitCode);
        Assert.Contains("Cannot write", created.Error);
        Assert.Equal(JsonDocument.Parse(before.Out).RootElement.GetArrayLength(),
            JsonDocument.Parse(after.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task CredentialsFileOthersCanRead_IsRefused()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(alice, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var result = await CliRun.RunAsync(["keys", "list", "--credentials", alice, "--account",
            server.OrganizationId]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("chmod 600", result.Error);
    }

    [Fact]
    public async Task ApiKeyWithSecretFromTheEnvironment_Works_AndTableOutputIsTheDefault()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var file = JsonDocument.Parse(File.ReadAllText(alice)).RootElement;
        var environment = new Dictionary<string, string>
        {
            ["QAPI_SECRET"] = file.GetProperty("secret").GetString()!,
            ["QAPI_SERVER"] = server.Origin,
        };

        var result = await CliRun.RunAsync(["audit", "list", "--api-key", file.GetProperty("apiKey").GetString()!,
            "--account", server.OrganizationId], environment: environment);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("ACTION", result.Out);
        Assert.Contains("entries", result.Error);
    }

    internal static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows()
        ? UnixFileMode.UserRead | UnixFileMode.UserWrite
        : File.GetUnixFileMode(path);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> SendAsync(string key, string secret, string path) =>
        CliRun.RunAsync(["send", "-api-key", key, "-url", server.BaseUrl + path],
            environment: new Dictionary<string, string> { ["QAPI_SECRET"] = secret });
}
