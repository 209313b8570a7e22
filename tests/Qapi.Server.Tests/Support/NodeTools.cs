using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// The npm tools in tests/node: ethers (an independent parser of signed transactions) and ganache (a local
/// Ethereum node). They are installed by <c>npm ci --prefix tests/node</c>, which CI runs before the tests.
/// </summary>
public static class NodeTools
{
    public static string Folder => Path.Combine(SharedFiles.RepositoryRoot(), "tests", "node");

    /// <summary>Fails with the command that fixes it when the npm packages are not installed.</summary>
    public static void RequireInstalled()
    {
        var modules = Path.Combine(Folder, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "ethers")) || !Directory.Exists(Path.Combine(modules, "ganache")))
        {
            throw new InvalidOperationException(
                $"The npm test tools are not installed in {modules}: run `npm ci --prefix tests/node` "
                + "from the repository root (Node 20 or later), then run the tests again.");
        }
    }

    /// <summary>Parses signed transactions with ethers: for each, what it decoded and recovered, in order.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ParseSignedAsync(IReadOnlyList<string> signedTransactions)
    {
        RequireInstalled();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(Folder, "parse-tx.mjs") },
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        foreach (var signed in signedTransactions)
        {
            await process.StandardInput.WriteLineAsync(signed);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "parse-tx.mjs failed: " + await error);

        var results = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Equal(signedTransactions.Count, results.Count);
        return results;
    }
}
