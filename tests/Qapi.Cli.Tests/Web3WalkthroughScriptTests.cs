using System.Text.Json;
using Qapi.Core.Evm;

namespace Qapi.Cli.Tests;

/// <summary>
/// scripts/web3-walkthrough.sh, the README's Web3 steps, run with the built qapi against a sandbox server with its
/// demo organization (a server of its own: enrolling replaces alice's and bob's keys).
/// </summary>
public sealed class Web3WalkthroughScriptTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Script_ProposesApprovesAndSigns_AsTheReadmeSays()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "A bash script.");
        var work = Directory.CreateTempSubdirectory("qapi-web3-walkthrough-").FullName;
        try
        {
            var (exitCode, output) = await WalkthroughScript.RunAsync("web3-walkthrough.sh", work,
                new Dictionary<string, string?>
                {
                    ["QAPI_SERVER"] = server.Origin,
                    ["QAPI_DATA"] = server.DataDirectory,
                });

            Assert.True(exitCode == 0, output);
            Assert.Contains("Walkthrough done", output);

            // What the script read back is a transfer signed by the demo wallet's key, as a node would check it.
            using var status = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "status.json")));
            var signed = status.RootElement.GetProperty("signedTx").GetString()!;
            Assert.True(EvmTransactionRecovery.TryRecoverSender(Convert.FromHexString(signed[2..]), out var sender,
                out var reason), reason);
            Assert.Equal(server.WalletAddress, sender.ToString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
