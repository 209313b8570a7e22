using Qapi.Core.Wallets;

namespace Qapi.Data.Entities;

/// <summary>One movement of a wallet's asset; fund ledgers and wallet histories are read from these.</summary>
public sealed class LedgerEntry
{
    public long Id { get; init; }
    public required string TxId { get; init; }
    public string ChainTxId { get; set; } = "";
    public required string WalletId { get; init; }
    public required string FundId { get; init; }
    public required string AccountId { get; init; }
    public TxType Type { get; init; }
    public required string Asset { get; init; }

    /// <summary>Signed amount in base units: positive in, negative out.</summary>
    public long Amount { get; init; }

    public long Fees { get; init; }
    public long NetAmount { get; init; }
    public string Status { get; set; } = "approved";
    public string CounterpartyName { get; init; } = "";
    public string Address { get; init; } = "";
    public string Reference { get; init; } = "";
    public long Timestamp { get; init; }
}
