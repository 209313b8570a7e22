using System.Diagnostics;

namespace Qapi.Cli.Tests;

/// <summary>Runs one of scripts/*.sh as a user would: bash, the built qapi, a server's address.</summary>
internal static class WalkthroughScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string name, string workDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", name);
        var start = new ProcessStartInfo("bash", [script, workDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["QAPI_CLI"] = Path.Combine(AppContext.BaseDirectory, "qapi"),
                ["QAPI_SECRET"] = null,
                ["QAPI_CREDENTIALS"] = null,
            },
        };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
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
