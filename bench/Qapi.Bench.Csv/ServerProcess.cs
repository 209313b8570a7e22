using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Qapi.Bench.Csv;

/// <summary>
/// <c>qapi serve</c> in a process of its own (this executable, re-run with <c>serve</c>), over a fresh sandbox
/// data directory, so that its memory is measured apart from the seeding and the download.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string dataDirectory, string origin)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Origin = origin;
    }

    public string DataDirectory { get; }

    public string Origin { get; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "qapi-bench-csv-" + Guid.NewGuid().ToString("N"));
        var origin = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Under `dotnet Qapi.Bench.Csv.dll` the process is dotnet itself, which needs the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        foreach (var arg in new[] { "serve", dataDirectory, origin })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, dataDirectory, origin);
        await server.WaitReadyAsync();
        return server;
    }

    public async Task<(string ApiKey, string Secret, string WalletId)> DemoCredentialsAsync()
    {
        var path = Path.Combine(DataDirectory, "demo-credentials.json");
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var root = document.RootElement;
        return (root.GetProperty("apiKey").GetString()!, root.GetProperty("secret").GetString()!,
            root.GetProperty("walletId").GetString()!);
    }

    public ProcessMemory Memory() => ProcessMemory.Of(Pid);

    public void ResetPeak() => ProcessMemory.ResetPeak(Pid);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}.");
            }

            try
            {
                var response = await http.GetAsync(Origin + "/healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK
                    && File.Exists(Path.Combine(DataDirectory, "demo-credentials.json")))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not become ready in 2 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
