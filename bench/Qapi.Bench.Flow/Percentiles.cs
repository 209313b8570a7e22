using System.Diagnostics;

namespace Qapi.Bench.Flow;

/// <summary>Nearest-rank percentiles of Stopwatch tick durations, in milliseconds.</summary>
internal static class Percentiles
{
    public static double Milliseconds(IReadOnlyList<long> sortedTicks, double percentile)
    {
        if (sortedTicks.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedTicks.Count);
        var ticks = sortedTicks[Math.Clamp(rank - 1, 0, sortedTicks.Count - 1)];
        return ticks * 1000.0 / Stopwatch.Frequency;
    }

    public static List<long> Sorted(IEnumerable<long> ticks)
    {
        var list = ticks.ToList();
        list.Sort();
        return list;
    }
}
