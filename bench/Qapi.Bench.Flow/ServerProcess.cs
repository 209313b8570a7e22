using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Qapi.Bench.Flow;

/// <summary>
/// The Qapi server under test as a child process (this same program with <c>serve</c>), so that the load generator
/// and the server do not share a thread pool or a garbage collector. Loopback only, on a free port, over a fresh
/// data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private volatile bool _isReady;

    private ServerProcess(Process process, string origin)
    {
        _process = process;
        Origin = origin;
    }

    /// <summary>The server's origin, <c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; }

    /// <summary>The enrolled approver key ids by username.</summary>
    public IReadOnlyDictionary<string, string> ApproverKeyIds { get; private set; } =
        new Dictionary<string, string>();

    /// <summary>Lines the server wrote after it was ready (warnings and errors: it logs nothing below).</summary>
    public int LinesAfterReady { get; private set; }

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the server, enrolls the approvers' public keys, and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string> approverPublicKeys, IEnumerable<string> hostArgs)
    {
        var origin = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            // The host watches its content root (the working directory) for configuration changes; the bench's own
            // folder has nothing else in it, whereas a working directory above the data directory would make every
            // database write a file-change notification for the server to process.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls=" + origin);
        start.ArgumentList.Add("--Qapi:DataDirectory=" + dataDirectory);
        foreach (var (username, publicKey) in approverPublicKeys)
        {
            start.ArgumentList.Add($"{BenchServer.ApproverArgument}{username}:{publicKey}");
        }

        foreach (var arg in hostArgs)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new ServerProcess(process, origin);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, ready);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, null);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            "The server exited before it was ready:\n" + server.LastLines()));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var line = await ready.Task.WaitAsync(StartTimeout);
        server.ApproverKeyIds =
            JsonSerializer.Deserialize<Dictionary<string, string>>(line[BenchServer.ReadyPrefix.Length..])
            ?? throw new InvalidOperationException("The ready line names no approver keys.");
        return server;
    }

    /// <summary>Asks the server to stop (closes its input) and waits; kills it if it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<string>? ready)
    {
        if (line is null)
        {
            return;
        }

        if (ready is not null && line.StartsWith(BenchServer.ReadyPrefix, StringComparison.Ordinal))
        {
            _isReady = true;
            ready.TrySetResult(line);
            return;
        }

        // The server's own output (its first start prints the demo key's secret) is kept for a failure report only.
        lock (_lastLines)
        {
            LinesAfterReady += _isReady ? 1 : 0;
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    /// <summary>The server's last lines of output (for a failure report).</summary>
    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
