namespace Qapi.Bench.Flow;

/// <summary>
/// One transaction taken from creation to signature: its id, what the second approval returned, and how long each
/// of the three requests took (Stopwatch ticks).
/// </summary>
internal sealed record FlowResult(
    string TxId,
    string TxHash,
    string SignedTx,
    long CreateTicks,
    long FirstApprovalTicks,
    long SecondApprovalTicks);
