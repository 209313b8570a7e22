namespace Qapi.Data.Entities;

/// <summary>
/// One status change of a Web3 transaction. The id is a global, increasing sequence: feeds resume from the last
/// id a client saw.
/// </summary>
public sealed class TransactionEvent
{
    public long Id { get; init; }
    public required string TxId { get; init; }
    public required string AccountId { get; init; }
    public required string WalletId { get; init; }
    public required string Status { get; init; }
    public string Message { get; init; } = "";
    public long Timestamp { get; init; }
}
