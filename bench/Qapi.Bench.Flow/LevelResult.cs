namespace Qapi.Bench.Flow;

/// <summary>What one concurrency level measured: flows completed inside the window, and their latencies (ms).</summary>
internal sealed record LevelResult(
    int Concurrency,
    double WindowSeconds,
    int Completed,
    int Errors,
    string? FirstError,
    double P50,
    double P99,
    double CreateP50,
    double FirstApprovalP50,
    double SecondApprovalP50,
    double ServerCpuMsPerTx,
    double DriverCpuMsPerTx,
    double OtherCores,
    double StolenCores,
    string LoadAverage)
{
    public double TransactionsPerSecond => Completed / WindowSeconds;
}
