namespace Qapi.Data.Entities;

/// <summary>
/// A Web3 transaction from proposal to signature. Quantities are decimal text (up to 2^256-1); the nonce is
/// empty until the transaction is signed. The policy in force at creation is copied in, so a later policy edit
/// cannot change what an approval counted towards.
/// </summary>
public sealed class Web3Transaction
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string WalletId { get; init; }
    public required string CreatedBy { get; init; }
    public required string ChainId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Value { get; init; }
    public required string GasLimit { get; init; }
    public string? GasPrice { get; init; }
    public string? MaxFeePerGas { get; init; }
    public string? MaxPriorityFeePerGas { get; init; }
    public required string Data { get; init; }
    public string Note { get; init; } = "";

    /// <summary>A nonce the client asked for (to replace a stuck transaction); otherwise assigned at signing.</summary>
    public string? RequestedNonce { get; init; }

    public string Nonce { get; set; } = "";
    public required string Status { get; set; }
    public required string PolicyId { get; init; }
    public int Threshold { get; init; }

    /// <summary>The policy's members at creation, space-separated account ids.</summary>
    public required string ApproverIds { get; init; }

    /// <summary>The amount reserved as pending outflow, in the asset's base units (rounded up).</summary>
    public long ReservedAmount { get; init; }

    public string RawTx { get; set; } = "";
    public string SignedTx { get; set; } = "";
    public string TxHash { get; set; } = "";
    public long CreatedAt { get; init; }
    public long ExpiresAt { get; init; }
    public long? AuthorizedAt { get; set; }
    public long? ApprovedAt { get; set; }
    public long? EndedAt { get; set; }
}
