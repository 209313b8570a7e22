using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi accounts create`: the operator's bootstrap of a person where sign-up is closed.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccountCreateCommandTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-bootstrap-").FullName;

    [Fact]
    public async Task Create_WithSave_KeepsTheSecretInTheFileAndTheMnemonicOnStandardError_AuditedAsOperator()
    {
        var username = NewUsername();
        var path = Path.Combine(_folder, username + ".json");

        var created = await RunAsync("accounts", "create", "--username", username, "--first-name", "Ada",
            "--last-name", "Lovelace", "--email", username + "@example.com", "--save", path, "--server",
            server.Origin, "--json");

        Assert.True(created.ExitCode == ExitCodes.Ok, created.Error);
        var view = JsonDocument.Parse(created.Out).RootElement;
        var accountId = view.GetProperty("account").GetProperty("id").GetString()!;
        Assert.Equal(["admin"], view.GetProperty("key").GetProperty("permissions").EnumerateArray()
            .Select(p => p.GetString()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ServerKeysCommandTests.ModeOf(path));
        var file = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var secret = file.GetProperty("secret").GetString()!;
        Assert.Equal(accountId, file.GetProperty("accountId").GetString());
        Assert.DoesNotContain(secret, created.Out + created.Error);
        var mnemonic = MnemonicOf(created.Error);
        Assert.Equal(24, mnemonic.Split(' ').Length);
        Assert.DoesNotContain(mnemonic, created.Out);
        Assert.Contains("shown this once", created.Error);

        var me = await CliRun.RunAsync(["org", "list", "--credentials", path]);
        var audit = await RunAsync("audit", "list", "--account", accountId, "--json");

        Assert.True(me.ExitCode == ExitCodes.Ok, me.Error);
        var entries = JsonDocument.Parse(audit.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["account.create", "api_key.create"], entries.Select(e => e.GetProperty("action").GetString())
            .Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("operator", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Create_WithoutSave_PrintsTheSecretOnceWithItsWarning()
    {
        var username = NewUsername();

        var created = await RunAsync("accounts", "create", "--username", username, "--first-name", "Ben",
            "--last-name", "Test", "--email", username + "@example.com");

        Assert.True(created.ExitCode == ExitCodes.Ok, created.Error);
        Assert.Contains($"Created {username}", created.Out);
        var secret = created.Out.Split('\n').Single(l => l.TrimStart().StartsWith("secret", StringComparison.Ordinal))
            .Trim()["secret".Length..].Trim();
        Assert.Equal(64, secret.Length);
        Assert.Contains("The secret is shown this once", created.Error);
        Assert.Equal(24, MnemonicOf(created.Error).Split(' ').Length);
    }

    [Theory]
    [InlineData("existing file")]
    [InlineData("bad username")]
    [InlineData("taken username")]
    [InlineData("bad email")]
    [InlineData("server without save")]
    public async Task Create_BadInput_ExitsTwoAndCreatesNothing(string why)
    {
        var username = why switch
        {
            "bad username" => "-Bad Name",
            "taken username" => "alice",
            _ => NewUsername(),
        };
        var existing = Path.Combine(_folder, "existing.json");
        await File.WriteAllTextAsync(existing, "keep me", TestContext.Current.CancellationToken);
        string[] extra = why switch
        {
            "existing file" => ["--save", existing],
            "server without save" => ["--server", server.Origin],
            _ => [],
        };
        var before = (await RunAsync("accounts", "list", "--json")).Out;

        var result = await RunAsync(["accounts", "create", "--username", username, "--first-name", "X",
            "--last-name", "Y", "--email", why == "bad email" ? "not-an-email" : "x@example.com", .. extra]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, why + ": " + result.Error);
        Assert.Equal("", result.Out);
        Assert.StartsWith("qapi: ", result.Error);
        Assert.Equal(before, (await RunAsync("accounts", "list", "--json")).Out);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string NewUsername() => "op-" + Guid.NewGuid().ToString("N")[..8];

    private static string MnemonicOf(string error) => error.Split('\n')
        .Single(l => l.TrimStart().StartsWith("mnemonic", StringComparison.Ordinal))
        .Trim()["mnemonic".Length..].Trim();

    private Task<CliResult> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--data", server.DataDirectory]);
}
