using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// A ganache node (npm) on a loopback port, started from tests/node/ganache.mjs. Its lifetime is bounded twice:
/// it stops when this object is disposed or the test process dies (its stdin closes), and after a time limit.
/// </summary>
public sealed class GanacheNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly HttpClient _http = new();
    private long _nextId;

    private GanacheNode(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>A loopback port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a node whose first <paramref name="totalAccounts"/> accounts derive from the mnemonic (BIP-44,
    /// m/44'/60'/0'/0/i) with 1000 ether each. The mnemonic travels on stdin, never on the command line.
    /// </summary>
    public static async Task<GanacheNode> StartAsync(int port, int chainId, string mnemonic, int totalAccounts)
    {
        NodeTools.RequireInstalled();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(NodeTools.Folder, "ganache.mjs") },
            WorkingDirectory = NodeTools.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        var process = Process.Start(start)!;
        var node = new GanacheNode(process, new Uri($"http://127.0.0.1:{port}/"));
        process.ErrorDataReceived += (_, e) => node.KeepError(e.Data);
        process.BeginErrorReadLine();

        var config = JsonSerializer.Serialize(new
        {
            port,
            chainId,
            mnemonic,
            totalAccounts,
            maxLifetimeSeconds = 900,
        });
        await process.StandardInput.WriteLineAsync(config);
        await process.StandardInput.FlushAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "ready")
                {
                    // Keep draining stdout so that the node never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return node;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with whatever the node wrote to stderr.
        }

        var errors = node.Errors;
        await node.DisposeAsync();
        throw new InvalidOperationException($"ganache did not start within {StartTimeout.TotalSeconds} s: {errors}");
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Calls a JSON-RPC method; fails the test on a JSON-RPC error.</summary>
    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = Interlocked.Increment(ref _nextId), method, @params = parameters };
        using var response = await _http.PostAsJsonAsync(Endpoint, request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("error", out var error), $"{method}: {error}");
        return body.GetProperty("result").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void KeepError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            if (_errors.Length < 8_000)
            {
                _errors.AppendLine(line);
            }
        }
    }
}
