using System.Net;
using System.Net.Sockets;

namespace Qapi.Cli.Tests;

/// <summary>
/// <c>qapi serve</c> where it cannot listen or is misconfigured: a plain message and its own exit code, no stack
/// trace.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "qapi-serve-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_OnABusyPort_SaysSoAndExitsWithCannotListen()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliRun.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", _data]);

        Assert.Equal(ExitCodes.CannotListen, result.ExitCode);
        Assert.Contains("cannot listen", result.Error);
        Assert.Contains("--urls", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("   at ", result.Out);
        // Found out before the server was built: no store was created and no demo key handed out.
        Assert.False(Directory.Exists(_data));
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("keys", "list")]
    public async Task UnknownEnvironment_IsRefused_BeforeAnyStoreIsCreatedOrOpened(params string[] command)
    {
        var result = await CliRun.RunAsync([.. command, "--data", _data, "--Qapi:Environment=prod"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("Qapi:Environment is 'prod'", result.Error);
        Assert.Contains("sandbox or production", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(_data));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
