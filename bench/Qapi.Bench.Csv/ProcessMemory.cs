using System.Globalization;

namespace Qapi.Bench.Csv;

/// <summary>
/// A Linux process's resident memory from <c>/proc/{pid}/status</c>: VmRSS now and VmHWM, its peak, which
/// <see cref="ResetPeak"/> sets back to the current RSS (<c>clear_refs</c> value 5, Linux 4.0 and later).
/// </summary>
internal readonly record struct ProcessMemory(long RssKb, long PeakKb)
{
    public static ProcessMemory Of(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return new ProcessMemory(rss, peak);
    }

    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
