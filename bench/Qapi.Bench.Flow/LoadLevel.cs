using System.Collections.Concurrent;
using System.Diagnostics;
using Qapi.Client.Approvers;

namespace Qapi.Bench.Flow;

/// <summary>
/// Runs <c>concurrency</c> clients in closed loops, each taking one transaction at a time through the whole flow,
/// for a warm-up and then a measured window. A flow counts when it finishes inside the window; no new flow starts
/// after it. Every successful flow, counted or not, is kept for the final verification.
/// </summary>
internal static class LoadLevel
{
    public static async Task<LevelResult> RunAsync(
        FlowClient client, ServerProcess server, int concurrency, TimeSpan warmup, TimeSpan window,
        ConcurrentQueue<FlowResult> signed)
    {
        var errors = 0;
        string? firstError = null;
        var measured = new ConcurrentQueue<FlowResult>();
        var start = Stopwatch.GetTimestamp();
        var from = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var to = from + (long)(window.TotalSeconds * Stopwatch.Frequency);
        CpuSnapshot? atStart = null;

        // The CPU counters are read when the window opens and when it closes, by a timer of our own.
        var sampler = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            atStart = CpuSnapshot.Take(server);
            await Task.Delay(window);
        });

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var sequence = 0; Stopwatch.GetTimestamp() < to; sequence++)
            {
                try
                {
                    var result = await client.RunAsync($"bench c{concurrency} w{worker} #{sequence}",
                        CancellationToken.None);
                    signed.Enqueue(result);
                    var end = Stopwatch.GetTimestamp();
                    if (end >= from && end < to)
                    {
                        measured.Enqueue(result);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or QapiRequestException or FlowException
                    or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        })).ToList();

        await sampler;
        var atEnd = CpuSnapshot.Take(server);
        await Task.WhenAll(workers);

        var results = measured.ToList();
        var total = Percentiles.Sorted(results.Select(r => r.CreateTicks + r.FirstApprovalTicks
            + r.SecondApprovalTicks));
        var cpuUsed = atEnd - (atStart ?? atEnd);
        var count = Math.Max(results.Count, 1);
        return new LevelResult(concurrency, window.TotalSeconds, results.Count, errors, firstError,
            Percentiles.Milliseconds(total, 50), Percentiles.Milliseconds(total, 99),
            Percentiles.Milliseconds(Percentiles.Sorted(results.Select(r => r.CreateTicks)), 50),
            Percentiles.Milliseconds(Percentiles.Sorted(results.Select(r => r.FirstApprovalTicks)), 50),
            Percentiles.Milliseconds(Percentiles.Sorted(results.Select(r => r.SecondApprovalTicks)), 50),
            cpuUsed.Server.TotalMilliseconds / count, cpuUsed.Driver.TotalMilliseconds / count,
            cpuUsed.Others.TotalSeconds / window.TotalSeconds, cpuUsed.Stolen.TotalSeconds / window.TotalSeconds,
            CpuSnapshot.LoadAverage());
    }
}
