using System.Diagnostics;
using System.Globalization;

namespace Qapi.Bench.Flow;

/// <summary>
/// CPU time used so far by the server process, by this (the driver's) process, and by the whole machine (busy and
/// stolen by the hypervisor, from <c>/proc/stat</c>; zero where there is none).
/// </summary>
internal readonly record struct CpuSnapshot(TimeSpan Server, TimeSpan Driver, TimeSpan MachineBusy, TimeSpan Stolen)
{
    public static CpuSnapshot Take(ServerProcess server)
    {
        using var self = Process.GetCurrentProcess();
        var (busy, stolen) = Machine();
        return new CpuSnapshot(server.CpuTime, self.TotalProcessorTime, busy, stolen);
    }

    public static CpuSnapshot operator -(CpuSnapshot later, CpuSnapshot earlier) =>
        new(later.Server - earlier.Server, later.Driver - earlier.Driver, later.MachineBusy - earlier.MachineBusy,
            later.Stolen - earlier.Stolen);

    /// <summary>CPU the machine spent on everything but the server and the driver.</summary>
    public TimeSpan Others => MachineBusy - Server - Driver > TimeSpan.Zero ? MachineBusy - Server - Driver
        : TimeSpan.Zero;

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or empty elsewhere.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>All CPUs' busy time (user, nice, system, irq, softirq) and stolen time, from the first line.</summary>
    private static (TimeSpan Busy, TimeSpan Stolen) Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            long[] busyColumns = [0, 1, 2, 5, 6];
            var ticksPerSecond = 100.0; // USER_HZ, 100 on every Linux this runs on
            return (TimeSpan.FromSeconds(busyColumns.Sum(c => fields[c]) / ticksPerSecond),
                TimeSpan.FromSeconds(fields[7] / ticksPerSecond));
        }
        catch (IOException)
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }
    }
}
