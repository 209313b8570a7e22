using System.Diagnostics;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Clients;

/// <summary>
/// A client written from the published recipe in Python's standard library (tests/clients/qredo_recipe_client.py),
/// not from our code, reads every Read-only endpoint of the demo account from the listening server.
/// </summary>
public sealed class RecipeClientTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task RecipeClient_ReadsEveryReadOnlyEndpointOfTheDemoOrganization()
    {
        var results = await RunAsync(server.Demo.ApiKey, server.Demo.Secret);

        var paths = results.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Contains("/account", paths.Keys);
        Assert.Contains("/balance", paths.Keys);
        Assert.Contains(paths.Keys, p => p.StartsWith("/funds/", StringComparison.Ordinal)
            && p.EndsWith("/ledger", StringComparison.Ordinal));
        Assert.Equal(2, paths.Keys.Count(p => p.StartsWith("/wallet/", StringComparison.Ordinal)));
        foreach (var (path, result) in paths)
        {
            var expected = path == "/trustedparties" ? 400 : 200;
            Assert.True(expected == result.GetProperty("status").GetInt32(), $"{path}: {result}");
        }

        var balance = paths["/balance"].GetProperty("body").GetProperty("assets").GetProperty("ETH-TESTNET");
        Assert.Equal(2_500_000_000, balance.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task RecipeClient_ReadsTrustedPartiesOfAPersonalAccount()
    {
        var alice = await server.AccountIdAsync("alice");
        var (keyId, secret) = await server.KeyAsync(alice, ApiKeyPermissions.ReadOnly);

        var results = await RunAsync(keyId, secret);

        var parties = results.GetProperty("/trustedparties");
        Assert.Equal(200, parties.GetProperty("status").GetInt32());
        Assert.Equal(2, parties.GetProperty("body").GetProperty("members").GetArrayLength());
    }

    private async Task<JsonElement> RunAsync(string keyId, string secret)
    {
        var script = Path.Combine(SharedFiles.RepositoryRoot(), "tests", "clients", "qredo_recipe_client.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { script, "--base", server.ApiBaseUrl, "--key", keyId, "--secret", secret, "read-all" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
