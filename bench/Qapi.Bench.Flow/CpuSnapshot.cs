using System.Diagnostics;

namespace Qapi.Bench.Flow;

/// <summary>CPU time used so far by the server process and by this (the driver's) process.</summary>
internal readonly record struct CpuSnapshot(TimeSpan Server, TimeSpan Driver)
{
    public static CpuSnapshot Take(ServerProcess server)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(server.CpuTime, self.TotalProcessorTime);
    }

    public static CpuSnapshot operator -(CpuSnapshot later, CpuSnapshot earlier) =>
        new(later.Server - earlier.Server, later.Driver - earlier.Driver);

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
}
