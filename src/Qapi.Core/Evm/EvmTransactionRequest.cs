using System.Collections.Immutable;
using System.Numerics;

namespace Qapi.Core.Evm;

/// <summary>
/// A validated Web3 transaction request. Only <see cref="EvmTransactionRequestParser"/> creates one, so every
/// value is in range and exactly one fee style is set.
/// </summary>
public sealed record EvmTransactionRequest
{
    internal EvmTransactionRequest(
        EvmAddress from,
        BigInteger chainId,
        BigInteger? nonce,
        EvmAddress to,
        BigInteger value,
        BigInteger gasLimit,
        EvmFees fees,
        ImmutableArray<byte> data)
    {
        From = from;
        ChainId = chainId;
        Nonce = nonce;
        To = to;
        Value = value;
        GasLimit = gasLimit;
        Fees = fees;
        Data = data;
    }

    /// <summary>The wallet that signs.</summary>
    public EvmAddress From { get; }

    /// <summary>The EIP-155 chain id.</summary>
    public BigInteger ChainId { get; }

    /// <summary>The nonce the client asked for, or null to let the server choose.</summary>
    public BigInteger? Nonce { get; }

    /// <summary>The receiver.</summary>
    public EvmAddress To { get; }

    /// <summary>Wei to send.</summary>
    public BigInteger Value { get; }

    /// <summary>The most gas the transaction may use.</summary>
    public BigInteger GasLimit { get; }

    /// <summary>The gas price (legacy) or fee caps (EIP-1559).</summary>
    public EvmFees Fees { get; }

    /// <summary>Call data; empty for none.</summary>
    public ImmutableArray<byte> Data { get; }

    /// <summary>The transaction to sign, with the nonce that the server settled on.</summary>
    public EvmTransaction ToTransaction(BigInteger nonce) =>
        new(ChainId, nonce, To, Value, GasLimit, Fees, Data);

    // Data compares by content: ImmutableArray's own equality compares array references.

    /// <inheritdoc />
    public bool Equals(EvmTransactionRequest? other) =>
        other is not null
        && From.Equals(other.From)
        && ChainId == other.ChainId
        && Nonce == other.Nonce
        && To.Equals(other.To)
        && Value == other.Value
        && GasLimit == other.GasLimit
        && Fees.Equals(other.Fees)
        && Data.AsSpan().SequenceEqual(other.Data.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(From, ChainId, Nonce, To, Value, GasLimit, Fees, Data.Length);
}
