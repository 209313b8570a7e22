using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Qapi.Cli;
using Qapi.Client.Signing;

namespace Qapi.Bench.Csv;

/// <summary>
/// Seeds a fund ledger to 10,000 and then 100,000 entries, downloads it each time as CSV from a separate
/// server process, and prints that process's resident memory and peak around each export, and the time.
/// <c>Qapi.Bench.Csv serve DIR URL</c> is the server process itself.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", var dataDirectory, var url])
        {
            string[] serve =
                ["serve", "--data", dataDirectory, "--urls", url, "--Logging:LogLevel:Default=Warning"];
            return await QapiCommandLine.RunAsync(serve, CliConsole.ForProcess());
        }

        var sizes = args.Length > 0
            ? args[0].Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [10_000, 100_000];
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await RunAsync(sizes, repeats);
        return 0;
    }

    private static async Task RunAsync(long[] sizes, int repeats)
    {
        await using var server = await ServerProcess.StartAsync();
        var (apiKey, secret, walletId) = await server.DemoCredentialsAsync();
        using var http = new HttpClient(new QredoSigningHandler(apiKey, secret, new SocketsHttpHandler()))
        {
            Timeout = TimeSpan.FromMinutes(10),
        };
        await using var seeder = new LedgerSeeder(server.DataDirectory);
        var fundId = await seeder.FundOfAsync(walletId);
        var url = $"{server.Origin}/qapi/v1/funds/{fundId}/ledger";

        // Warm-up: JIT, connection pools and caches, on the demo's own two entries.
        for (var i = 0; i < 3; i++)
        {
            await ExportAsync(http, url);
        }

        var idle = server.Memory();
        Console.WriteLine($"server pid {server.Pid}; after start and warm-up: RSS {Mb(idle.RssKb)}, "
            + $"peak so far {Mb(idle.PeakKb)}");
        Console.WriteLine();
        Console.WriteLine("| entries | run | bytes | time to first byte | export time | rows/s | RSS before | "
            + "peak RSS during | RSS after |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var seeding = Stopwatch.StartNew();
            await seeder.SeedUpToAsync(walletId, size);
            Console.Error.WriteLine($"seeded {size:N0} entries in {seeding.Elapsed.TotalSeconds:F1} s");
            for (var run = 1; run <= repeats; run++)
            {
                server.ResetPeak();
                var before = server.Memory();
                var export = await ExportAsync(http, url);
                var after = server.Memory();
                if (export.Rows != size)
                {
                    throw new InvalidOperationException($"Exported {export.Rows} rows, expected {size}.");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {run} | {export.Bytes / 1e6:F1} MB | {export.FirstByte.TotalMilliseconds:F0} ms "
                    + $"| {export.Total.TotalMilliseconds:F0} ms | {size / export.Total.TotalSeconds:N0} "
                    + $"| {Mb(before.RssKb)} | {Mb(after.PeakKb)} | {Mb(after.RssKb)} |"));
            }
        }
    }

    /// <summary>Downloads the CSV as it streams, keeping nothing but a count of bytes and lines.</summary>
    private static async Task<(long Bytes, long Rows, TimeSpan FirstByte, TimeSpan Total)> ExportAsync(
        HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0, lines = 0;
        var firstByte = TimeSpan.Zero;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            if (bytes == 0)
            {
                firstByte = clock.Elapsed;
            }

            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        // The seeded text has no line breaks, so every line but the header is one entry.
        return (bytes, lines - 1, firstByte, clock.Elapsed);
    }

    private static string Mb(long kilobytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0:F1} MB");
}
