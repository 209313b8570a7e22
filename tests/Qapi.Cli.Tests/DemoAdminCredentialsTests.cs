using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>
/// The demo store's credentials files, as `qapi serve` writes them, work with `--credentials` as they are:
/// demo-admin.json administers the demo organization; demo-credentials.json reads through /qapi/v1 only.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DemoAdminCredentialsTests(ServerFixture server)
{
    // The files name the address the server was told to listen on; the test server was told port 0.
    private string[] OnTheTestPort => ["--server", server.Origin];

    [Fact]
    public async Task DemoAdminFile_ShowsTheOrganization_AndItsAdministrator()
    {
        var admin = Path.Combine(server.DataDirectory, "demo-admin.json");

        var shown = await CliRun.RunAsync(["org", "show", server.OrganizationId, "--credentials", admin, "--json",
            .. OnTheTestPort]);
        var members = await CliRun.RunAsync(["member", "list", "--org", server.OrganizationId, "--credentials",
            admin, "--json", .. OnTheTestPort]);

        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.Error);
        Assert.Contains("Demo Organization", shown.Out);
        Assert.True(members.ExitCode == ExitCodes.Ok, members.Error);
        var alice = JsonDocument.Parse(members.Out).RootElement.EnumerateArray()
            .Single(m => m.GetProperty("username").GetString() == "alice");
        Assert.Equal("administrator", alice.GetProperty("role").GetString());
    }

    [Fact]
    public async Task DemoKeyFile_IsReadAsCredentials_ButHasNoAdminPermission()
    {
        var demo = Path.Combine(server.DataDirectory, "demo-credentials.json");

        var result = await CliRun.RunAsync(["org", "show", server.OrganizationId, "--credentials", demo,
            .. OnTheTestPort]);

        Assert.Equal(ExitCodes.RequestFailed, result.ExitCode);
        Assert.Contains("permission", result.Error);
    }
}
