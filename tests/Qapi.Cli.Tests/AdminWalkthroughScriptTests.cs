namespace Qapi.Cli.Tests;

/// <summary>scripts/admin-walkthrough.sh, run as a user would, with the built qapi, against an empty server.</summary>
public sealed class AdminWalkthroughScriptTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Script_FromAnEmptyDatabase_RunsToTheEnd()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "A bash script.");
        var work = Directory.CreateTempSubdirectory("qapi-walkthrough-script-").FullName;
        try
        {
            var (exitCode, output) = await WalkthroughScript.RunAsync("admin-walkthrough.sh", work,
                new Dictionary<string, string?> { ["QAPI_SERVER"] = server.Origin });

            Assert.True(exitCode == 0, output);
            Assert.Contains("Walkthrough done", output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
