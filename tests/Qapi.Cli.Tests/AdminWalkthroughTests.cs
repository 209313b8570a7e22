using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>
/// Issue #4: from an empty database, the CLI alone creates an organization with three members, a fund, two
/// wallets, a 2-of-3 policy and a wallet-scoped read_only key, and that key reads exactly what its scope allows.
/// </summary>
public sealed class AdminWalkthroughTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private const long Scale = 1_000_000_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-walkthrough-").FullName;

    [Fact]
    public async Task FromAnEmptyDatabase_TheCliSetsUpAnOrganization_AndAScopedKeyReadsOnlyItsWallet()
    {
        var ada = await SignupAsync("ada");
        var ben = await SignupAsync("ben");
        var cyd = await SignupAsync("cyd");

        var org = Field(await OkAsync(ada, "org", "create", "--name", "Acme", "--email", "ops@acme.test", "--json"),
            "organization", "id");
        await OkAsync(ada, "member", "invite", "--org", org, "--username", ben.Username, "--role", "approver");
        await OkAsync(ada, "member", "invite", "--org", org, "--username", cyd.Username, "--role", "approver");
        var invitations = await OkAsync(ben, "member", "invitations", "--json");
        await OkAsync(ben, "member", "accept", org);
        await OkAsync(cyd, "member", "accept", org);
        var members = await OkAsync(ada, "member", "list", "--org", org, "--json");

        Assert.Contains(org, invitations);
        var active = Json(members).EnumerateArray().Where(m => !m.GetProperty("pending").GetBoolean())
            .Select(m => m.GetProperty("userId").GetString()).Order().ToList();
        Assert.Equal(new[] { ada.Id, ben.Id, cyd.Id }.Order(), active);

        var fund = Field(await OkAsync(ada, "fund", "create", "--account", org, "--name", "Treasury",
            "--approver", ada.Id, "--approver", ben.Id, "--approver", cyd.Id, "--threshold", "2", "--json"), "id");
        var w1 = Field(await OkAsync(ada, "wallet", "create", "--fund", fund, "--name", "Hot", "--asset",
            "ETH-TESTNET", "--json"), "id");
        var w2 = Field(await OkAsync(ada, "wallet", "create", "--fund", fund, "--name", "Cold", "--asset",
            "ETH-TESTNET", "--json"), "id");
        foreach (var kind in new[] { "transaction", "withdrawal" })
        {
            await OkAsync(ada, "policy", "set", "--fund", fund, "--kind", kind, "--threshold", "2",
                "--member", ada.Id, "--member", ben.Id, "--member", cyd.Id);
        }

        await OkAsync(ada, "wallet", "faucet", w1, "--amount", "1.5");
        await OkAsync(ada, "wallet", "faucet", w2, "--amount", "0.25");
        var policies = Json(await OkAsync(ada, "policy", "show", "--fund", fund, "--json")).EnumerateArray()
            .ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal(2, p.GetProperty("threshold").GetInt32()));
        Assert.All(policies, p => Assert.Equal(3, p.GetProperty("members").GetArrayLength()));

        var auditor = Path.Combine(_folder, "auditor.json");
        await OkAsync(ada, "keys", "create", "--account", org, "--name", "auditor", "--permissions", "read_only",
            "--wallet", w1, "--save", auditor);
        var saved = Json(await File.ReadAllTextAsync(auditor));
        var (key, secret) = (saved.GetProperty("apiKey").GetString()!, saved.GetProperty("secret").GetString()!);

        var balance = await SendAsync(key, secret, "/balance");
        var ownHistory = await SendAsync(key, secret, $"/wallet/{w1}/history");
        var otherHistory = await SendAsync(key, secret, $"/wallet/{w2}/history");
        var fundView = await SendAsync(key, secret, $"/funds/{fund}");
        var adminApi = await CliRun.RunAsync(["keys", "list", "--credentials", auditor, "--account", org]);

        Assert.Equal(ExitCodes.Ok, balance.ExitCode);
        Assert.Equal(15 * Scale / 10, Json(balance.Out).GetProperty("assets").GetProperty("ETH-TESTNET")
            .GetProperty("total").GetInt64());
        Assert.Equal(ExitCodes.Ok, ownHistory.ExitCode);
        Assert.Equal(ExitCodes.RequestFailed, otherHistory.ExitCode);
        Assert.Contains("outside_key_scope", otherHistory.Out);
        Assert.Equal(ExitCodes.Ok, fundView.ExitCode);
        Assert.Contains(w1, fundView.Out);
        Assert.DoesNotContain(w2, fundView.Out);
        Assert.Equal(ExitCodes.RequestFailed, adminApi.ExitCode);
        Assert.Contains("permission_missing", adminApi.Error);
    }

    [Fact]
    public async Task Signup_Save_WritesAnOwnerOnlyFile_AndPrintsTheMnemonicOnceButNotTheSecret()
    {
        var path = Path.Combine(_folder, "pat.json");

        var result = await CliRun.RunAsync(["signup", "--server", server.Origin, "--username", "pat",
            "--first-name", "Pat", "--last-name", "Doe", "--email", "pat@example.com", "--save", path]);
        var again = await CliRun.RunAsync(["signup", "--server", server.Origin, "--username", "pat2",
            "--first-name", "Pat", "--last-name", "Doe", "--email", "pat@example.com", "--save", path]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ServerKeysCommandTests.ModeOf(path));
        var file = Json(await File.ReadAllTextAsync(path));
        Assert.Equal(server.Origin, file.GetProperty("server").GetString());
        Assert.DoesNotContain(file.GetProperty("secret").GetString()!, result.Out + result.Error);
        var words = result.Out.Split('\n').Single(l => l.TrimStart().StartsWith("mnemonic", StringComparison.Ordinal))
            .Trim()["mnemonic".Length..].Trim().Split(' ');
        Assert.Equal(24, words.Length);
        Assert.Contains("shown this once", result.Error);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task Signup_SaveIntoAMissingDirectory_ExitsTwo_AndTheUsernameStaysFree()
    {
        var nowhere = Path.Combine(_folder, "no-such-directory", "sam.json");
        string[] signup = ["signup", "--server", server.Origin, "--username", "sam-unsaved", "--first-name", "Sam",
            "--last-name", "Doe", "--email", "sam@example.com"];

        var refused = await CliRun.RunAsync([.. signup, "--save", nowhere]);
        var retried = await CliRun.RunAsync([.. signup, "--save", Path.Combine(_folder, "sam.json")]);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("Cannot write", refused.Error);
        Assert.True(retried.ExitCode == ExitCodes.Ok, retried.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Person> SignupAsync(string name)
    {
        var username = name + "-" + Guid.NewGuid().ToString("N")[..6];
        var path = Path.Combine(_folder, name + ".json");
        var output = await OkAsync(null, "signup", "--server", server.Origin, "--username", username,
            "--first-name", name, "--last-name", "Walkthrough", "--email", username + "@walkthrough.test",
            "--save", path, "--json");
        Assert.DoesNotContain("\"secret\"", output);
        return new Person(Field(output, "account", "id"), username, path);
    }

    private static async Task<string> OkAsync(Person? who, params string[] args)
    {
        var result = await CliRun.RunAsync(who is null ? args : [.. args, "--credentials", who.File]);
        Assert.True(result.ExitCode == ExitCodes.Ok, $"qapi {string.Join(' ', args)}: {result.Error}");
        return result.Out;
    }

    private Task<CliResult> SendAsync(string key, string secret, string path) =>
        CliRun.RunAsync(["send", "-api-key", key, "-url", server.Origin + "/qapi/v1" + path],
            environment: new Dictionary<string, string> { ["QAPI_SECRET"] = secret });

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string Field(string json, params string[] path) =>
        path.Aggregate(Json(json), (e, name) => e.GetProperty(name)).GetString()!;

    private sealed record Person(string Id, string Username, string File);
}
