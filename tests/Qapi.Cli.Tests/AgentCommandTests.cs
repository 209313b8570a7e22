using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi agent create`: signing agents of an account, by its administrator only.</summary>
public sealed class AgentCommandTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-agent-").FullName;

    [Fact]
    public async Task Create_ByTheAdministrator_PrintsTheAgent_ATraderIsRefused()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"));
        await ada.OkAsync("org", "create", "--name", "Acme", "--email", "ops@acme.test");
        var org = JsonDocument.Parse(await ada.OkAsync("org", "list", "--json")).RootElement
            .GetProperty("memberships")[0].GetProperty("organizationId").GetString()!;
        await ada.OkAsync("member", "invite", "--org", org, "--username", ben.Username, "--role", "trader");
        await ben.OkAsync("member", "accept", org);

        var table = await ada.OkAsync("agent", "create", "--account", org, "--name", "[hsm] bot");
        var json = JsonDocument.Parse(await ada.OkAsync("agent", "create", "--account", org, "--name", "second",
            "--json")).RootElement;
        var byTrader = await ben.RunAsync("agent", "create", "--account", org, "--name", "mine");
        var noName = await ada.RunAsync("agent", "create", "--account", org);

        Assert.Contains("Created signing agent [hsm] bot", table);
        Assert.Contains("--agent ", table);
        Assert.Equal(org, json.GetProperty("ownerId").GetString());
        Assert.Equal("second", json.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("id").GetString()));
        Assert.Equal(ExitCodes.RequestFailed, byTrader.ExitCode);
        Assert.Contains("role_forbidden", byTrader.Error);
        Assert.Equal(ExitCodes.BadInput, noName.ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
