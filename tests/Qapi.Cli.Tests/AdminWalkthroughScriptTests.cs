using System.Diagnostics;

namespace Qapi.Cli.Tests;

/// <summary>scripts/admin-walkthrough.sh, run as a user would, with the built qapi, against an empty server.</summary>
public sealed class AdminWalkthroughScriptTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Script_FromAnEmptyDatabase_RunsToTheEnd()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "A bash script.");
        var script = Path.Combine(RepositoryRoot(), "scripts", "admin-walkthrough.sh");
        var work = Directory.CreateTempSubdirectory("qapi-walkthrough-script-").FullName;
        var start = new ProcessStartInfo("bash", [script, work])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["QAPI_SERVER"] = server.Origin,
                ["QAPI_CLI"] = Path.Combine(AppContext.BaseDirectory, "qapi"),
                ["QAPI_SECRET"] = null,
                ["QAPI_CREDENTIALS"] = null,
            },
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Directory.Delete(work, recursive: true);

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("Walkthrough done", await output);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Qapi.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }
}
