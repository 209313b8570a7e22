using System.Collections.Immutable;
using System.Numerics;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>
/// An EVM transaction ready to sign: legacy with EIP-155 replay protection, or EIP-1559 (type 2) with an empty
/// access list, depending on <see cref="Fees"/>.
/// </summary>
public sealed record EvmTransaction
{
    /// <summary>Creates a transaction, checking each value against what a node accepts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public EvmTransaction(
        BigInteger chainId,
        BigInteger nonce,
        EvmAddress to,
        BigInteger value,
        BigInteger gasLimit,
        EvmFees fees,
        ImmutableArray<byte> data)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(fees);
        EvmRange.ThrowIfNotUInt256(chainId, nameof(chainId));
        ArgumentOutOfRangeException.ThrowIfZero(chainId);
        ThrowIfNonceOutOfRange(nonce);
        EvmRange.ThrowIfNotUInt256(value, nameof(value));
        EvmRange.ThrowIfNotUInt64(gasLimit, nameof(gasLimit));

        ChainId = chainId;
        Nonce = nonce;
        To = to;
        Value = value;
        GasLimit = gasLimit;
        Fees = fees;
        Data = data.IsDefault ? ImmutableArray<byte>.Empty : data;
    }

    /// <summary>The largest nonce a transaction may carry, 2^64-2 (EIP-2681).</summary>
    public static BigInteger MaxNonce { get; } = EvmQuantity.MaxUInt64 - 1;

    /// <summary>The EIP-155 chain id, at least 1.</summary>
    public BigInteger ChainId { get; }

    /// <summary>The sender's transaction count when this one is mined.</summary>
    public BigInteger Nonce { get; }

    /// <summary>The receiver: an account or a contract.</summary>
    public EvmAddress To { get; }

    /// <summary>Wei sent to <see cref="To"/>.</summary>
    public BigInteger Value { get; }

    /// <summary>The most gas the transaction may use.</summary>
    public BigInteger GasLimit { get; }

    /// <summary>The gas price (legacy) or fee caps (EIP-1559).</summary>
    public EvmFees Fees { get; }

    /// <summary>Call data; empty for a plain transfer.</summary>
    public ImmutableArray<byte> Data { get; }

    /// <summary>The EIP-2718 type byte: 0 for legacy, 2 for EIP-1559.</summary>
    public int Type => Fees is EvmEip1559Fees ? 2 : 0;

    // Data compares by content: ImmutableArray's own equality compares array references.

    /// <inheritdoc />
    public bool Equals(EvmTransaction? other) =>
        other is not null
        && ChainId == other.ChainId
        && Nonce == other.Nonce
        && To.Equals(other.To)
        && Value == other.Value
        && GasLimit == other.GasLimit
        && Fees.Equals(other.Fees)
        && Data.AsSpan().SequenceEqual(other.Data.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ChainId, Nonce, To, Value, GasLimit, Fees, Data.Length);

    private static void ThrowIfNonceOutOfRange(BigInteger nonce)
    {
        if (nonce.Sign < 0 || nonce > MaxNonce)
        {
            throw new ArgumentOutOfRangeException(nameof(nonce), nonce, "Must be between 0 and 2^64-2 (EIP-2681).");
        }
    }
}
