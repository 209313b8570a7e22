using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi fund`, `wallet`, `wallet allowlist`, `policy` and `network`: tables, changes, refusals.</summary>
public sealed class FundCommandsTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private const string Destination = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-funds-").FullName;

    [Fact]
    public async Task FundsAndWallets_AreCreatedChangedAndShownAsTables()
    {
        var ada = await new AdminPeople(server, _folder).SignupAsync("ada");
        var fund = Id(await ada.OkAsync("fund", "create", "--account", ada.Id, "--name", "Savings",
            "--approver", ada.Id, "--json"));
        var wallet = Id(await ada.OkAsync("wallet", "create", "--fund", fund, "--name", "Hot", "--asset",
            "ETH-TESTNET", "--json"));

        var funds = await ada.OkAsync("fund", "list", "--account", ada.Id);
        var renamed = await ada.OkAsync("fund", "rename", fund, "Rainy day");
        var described = await ada.OkAsync("fund", "describe", fund, "For later");
        var archived = await ada.OkAsync("fund", "archive", fund, "--json");
        var restored = await ada.OkAsync("fund", "restore", fund, "--json");
        var credited = await ada.OkAsync("wallet", "faucet", wallet, "--amount", "0.5");
        var wallets = await ada.OkAsync("wallet", "list", "--fund", fund);
        var walletRenamed = await ada.OkAsync("wallet", "rename", wallet, "Cold");
        var badStatus = await ada.RunAsync("wallet", "status", wallet, "melted");

        Assert.Contains("Savings", funds.Split('\n').Single(l => l.Contains(fund, StringComparison.Ordinal)));
        Assert.Contains("Rainy day", renamed);
        Assert.Contains("For later", described);
        Assert.True(JsonDocument.Parse(archived).RootElement.GetProperty("archived").GetBoolean());
        Assert.False(JsonDocument.Parse(restored).RootElement.GetProperty("archived").GetBoolean());
        Assert.Contains("500000000", credited);
        var row = wallets.Split('\n').Single(l => l.Contains(wallet, StringComparison.Ordinal));
        Assert.Contains("ETH-TESTNET", row);
        Assert.Contains("0x", row);
        Assert.Contains("500000000", row);
        Assert.Contains("Cold", walletRenamed);
        Assert.Equal(ExitCodes.RequestFailed, badStatus.ExitCode);
        Assert.StartsWith("qapi: The server answered 400", badStatus.Error);
    }

    [Fact]
    public async Task PoliciesAllowlistsAndNetworks_AreSetShownAndRemoved()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"));
        await ada.OkAsync("org", "create", "--name", "Acme", "--email", "ops@acme.test");
        var org = JsonDocument.Parse(await ada.OkAsync("org", "list", "--json")).RootElement
            .GetProperty("memberships")[0].GetProperty("organizationId").GetString()!;
        await ada.OkAsync("member", "invite", "--org", org, "--username", ben.Username, "--role", "approver");
        await ben.OkAsync("member", "accept", org);
        var fund = Id(await ada.OkAsync("fund", "create", "--account", org, "--name", "Ops", "--approver", ada.Id,
            "--json"));
        var wallet = Id(await ada.OkAsync("wallet", "create", "--fund", fund, "--name", "Hot", "--asset",
            "ETH-TESTNET", "--json"));

        await ada.OkAsync("policy", "set", "--fund", fund, "--threshold", "2", "--member", ada.Id, "--member", ben.Id);
        await ada.OkAsync("policy", "set", "--wallet", wallet, "--kind", "withdrawal", "--threshold", "1",
            "--member", ben.Id);
        var overridden = await ada.OkAsync("policy", "show", "--wallet", wallet);
        await ada.OkAsync("policy", "clear", "--wallet", wallet, "--kind", "withdrawal");
        var cleared = await ada.OkAsync("policy", "show", "--wallet", wallet, "--json");
        var unmeetable = await ada.RunAsync("policy", "set", "--fund", fund, "--threshold", "3", "--member", ada.Id);
        var both = await ada.RunAsync("policy", "show", "--fund", fund, "--wallet", wallet);
        var byApprover = await ben.RunAsync("policy", "set", "--fund", fund, "--threshold", "1", "--member", ben.Id);

        var withdrawal = overridden.Split('\n').Single(l => l.Contains("withdrawal", StringComparison.Ordinal));
        Assert.Contains("wallet", withdrawal);
        Assert.All(JsonDocument.Parse(cleared).RootElement.EnumerateArray(),
            p => Assert.Equal("fund", p.GetProperty("source").GetString()));
        Assert.Equal(ExitCodes.BadInput, unmeetable.ExitCode);
        Assert.Equal(ExitCodes.BadInput, both.ExitCode);
        Assert.Equal(ExitCodes.RequestFailed, byApprover.ExitCode);
        Assert.Contains("role_forbidden", byApprover.Error);

        await ada.OkAsync("wallet", "allowlist", "add", wallet, "--address", Destination, "--label", "[payroll]");
        var allowed = await ada.OkAsync("wallet", "allowlist", "list", wallet);
        await ada.OkAsync("wallet", "allowlist", "remove", wallet, Destination);
        var emptied = await ada.OkAsync("wallet", "allowlist", "list", wallet, "--json");
        await ada.OkAsync("network", "add", "--account", org, "--name", "devnet", "--chain-id", "1337", "--url",
            "https://rpc.devnet.test/secret-path-key");
        var networks = await ada.OkAsync("network", "list", "--account", org);
        await ada.OkAsync("network", "remove", "devnet", "--account", org);

        Assert.Contains("[payroll]", allowed);
        Assert.Equal(0, JsonDocument.Parse(emptied).RootElement.GetArrayLength());
        Assert.Contains("1337", networks);
        Assert.DoesNotContain("secret-path-key", networks);
        Assert.Equal(0, JsonDocument.Parse(await ada.OkAsync("network", "list", "--account", org, "--json"))
            .RootElement.GetArrayLength());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Id(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
}
