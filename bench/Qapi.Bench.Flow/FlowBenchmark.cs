using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Qapi.Core.Approvals;

namespace Qapi.Bench.Flow;

/// <summary>
/// The driver: starts a fresh server, enrolls alice and bob as approvers, runs each concurrency level, checks the
/// signatures over HTTP and in the store, and prints the figures as a Markdown table.
/// </summary>
internal static class FlowBenchmark
{
    private const int StatusSample = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "qapi-bench-flow", Guid.NewGuid().ToString("N"));
        try
        {
            return await RunAsync(settings, dataDirectory);
        }
        finally
        {
            if (!settings.KeepData)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<int> RunAsync(BenchSettings settings, string dataDirectory)
    {
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, "
            + $"{Environment.ProcessorCount} cores, load average {CpuSnapshot.LoadAverage()}");
        Console.WriteLine($"data {dataDirectory}; server args: {string.Join(' ', settings.ServerArgs)}");

        var keys = new[] { "alice", "bob" }.ToDictionary(u => u, _ => ApproverKeys.Generate());
        var signed = new ConcurrentQueue<FlowResult>();
        var results = new List<LevelResult>();
        await using (var server = await ServerProcess.StartAsync(dataDirectory,
                         keys.ToDictionary(k => k.Key, k => k.Value.PublicKeyHex), settings.ServerArgs))
        {
            var demo = JsonSerializer.Deserialize<DemoCredentials>(
                    await File.ReadAllTextAsync(Path.Combine(dataDirectory, "demo-credentials.json")))
                ?? throw new InvalidOperationException("No demo credentials.");
            var approvers = keys.Select(k => new BenchApprover(k.Key, server.ApproverKeyIds[k.Key],
                k.Value.PrivateKeyHex)).ToList();
            using var client = new FlowClient(server.Origin, demo, approvers);
            signed.Enqueue(await client.RunAsync("bench first flow", CancellationToken.None));

            // Tiered compilation recompiles the hot paths of ASP.NET Core, EF Core and the server during the first
            // tens of seconds (longer on a busy machine); that is start-up cost, not steady state, so it runs first.
            if (settings.Prewarm > TimeSpan.Zero)
            {
                var prewarm = await LoadLevel.RunAsync(client, server, settings.Concurrency.Max(), TimeSpan.Zero,
                    settings.Prewarm, signed);
                Console.WriteLine($"prewarm ({settings.Prewarm.TotalSeconds} s): {Row(prewarm)}");
            }

            foreach (var concurrency in settings.Concurrency)
            {
                var result = await LoadLevel.RunAsync(client, server, concurrency, settings.Warmup, settings.Window,
                    signed);
                results.Add(result);
                Console.WriteLine(Row(result));
            }

            var statusProblems = await CheckStatusSampleAsync(client, signed.ToList());
            Report(results, settings);
            statusProblems.ForEach(p => Console.WriteLine("PROBLEM (status): " + p));
            if (server.LinesAfterReady > 0)
            {
                Console.WriteLine($"The server wrote {server.LinesAfterReady} lines during the run; the last:");
                Console.WriteLine(server.LastLines());
            }
        }

        var storeProblems = await SigningVerification.CheckStoreAsync(Path.Combine(dataDirectory, "qapi.db"),
            signed.Count);
        foreach (var problem in storeProblems)
        {
            Console.WriteLine("PROBLEM (store): " + problem);
        }

        Console.WriteLine(storeProblems.Count == 0
            ? $"Verified: {signed.Count} transactions signed once each, nonces 0..{signed.Count - 1} without gaps."
            : "Verification FAILED.");
        return storeProblems.Count == 0 ? 0 : 1;
    }

    private static async Task<List<string>> CheckStatusSampleAsync(FlowClient client, List<FlowResult> signed)
    {
        var problems = new List<string>();
        var step = Math.Max(1, signed.Count / StatusSample);
        for (var i = 0; i < signed.Count; i += step)
        {
            var flow = signed[i];
            var info = await client.StatusAsync(flow.TxId, CancellationToken.None);
            if (info.Status != "approved" || info.SignedTx != flow.SignedTx || info.TxHash != flow.TxHash
                || info.Nonce.Length == 0)
            {
                problems.Add($"{flow.TxId} reads {info.Status}, nonce '{info.Nonce}', another signed transaction.");
            }
        }

        return problems;
    }

    private static void Report(List<LevelResult> results, BenchSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"Pre-warm {settings.Prewarm.TotalSeconds} s; then per level a warm-up of "
            + $"{settings.Warmup.TotalSeconds} s and a window of {settings.Window.TotalSeconds} s; latency from "
            + "POST /transaction to the second approval's answer (signed).");
        Console.WriteLine();
        Console.WriteLine("| clients | tx/s | p50 ms | p99 ms | create p50 | 1st approval p50 | 2nd approval p50 "
            + "| server CPU ms/tx | driver CPU ms/tx | others' cores | stolen | errors | load avg after |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        results.ForEach(r => Console.WriteLine(Row(r)));
        foreach (var failed in results.Where(r => r.FirstError is not null))
        {
            Console.WriteLine($"First error at {failed.Concurrency} clients: {failed.FirstError}");
        }
    }

    private static string Row(LevelResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Concurrency} | {r.TransactionsPerSecond:F0} | {r.P50:F1} | {r.P99:F1} | {r.CreateP50:F1} "
        + $"| {r.FirstApprovalP50:F1} | {r.SecondApprovalP50:F1} | {r.ServerCpuMsPerTx:F2} "
        + $"| {r.DriverCpuMsPerTx:F2} | {r.OtherCores:F2} | {r.StolenCores:F2} | {r.Errors} | {r.LoadAverage} |");
}
