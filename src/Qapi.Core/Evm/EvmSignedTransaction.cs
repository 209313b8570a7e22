using System.Collections.Immutable;

namespace Qapi.Core.Evm;

/// <summary>What signing a transaction produces, as the API reports it.</summary>
public sealed record EvmSignedTransaction
{
    internal EvmSignedTransaction(
        ImmutableArray<byte> rawTransaction,
        ImmutableArray<byte> signingHash,
        ImmutableArray<byte> signedTransaction,
        ImmutableArray<byte> transactionHash)
    {
        RawTransaction = rawTransaction;
        SigningHash = signingHash;
        SignedTransaction = signedTransaction;
        TransactionHash = transactionHash;
    }

    /// <summary>The unsigned serialization (the API's <c>rawTX</c>).</summary>
    public ImmutableArray<byte> RawTransaction { get; }

    /// <summary>The Keccak-256 hash that was signed.</summary>
    public ImmutableArray<byte> SigningHash { get; }

    /// <summary>The signed serialization, ready to broadcast (the API's <c>signedTx</c>).</summary>
    public ImmutableArray<byte> SignedTransaction { get; }

    /// <summary>The Keccak-256 hash of the signed serialization (the API's <c>txHash</c>).</summary>
    public ImmutableArray<byte> TransactionHash { get; }

    /// <summary><see cref="RawTransaction"/> as <c>0x</c> hex.</summary>
    public string RawTransactionHex => EvmHexData.ToHex(RawTransaction.AsSpan());

    /// <summary><see cref="SigningHash"/> as <c>0x</c> hex.</summary>
    public string SigningHashHex => EvmHexData.ToHex(SigningHash.AsSpan());

    /// <summary><see cref="SignedTransaction"/> as <c>0x</c> hex.</summary>
    public string SignedTransactionHex => EvmHexData.ToHex(SignedTransaction.AsSpan());

    /// <summary><see cref="TransactionHash"/> as <c>0x</c> hex.</summary>
    public string TransactionHashHex => EvmHexData.ToHex(TransactionHash.AsSpan());

    // Byte contents decide equality: ImmutableArray's own equality compares array references.

    /// <inheritdoc />
    public bool Equals(EvmSignedTransaction? other) =>
        other is not null && SignedTransaction.AsSpan().SequenceEqual(other.SignedTransaction.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(TransactionHash.AsSpan());
        return hash.ToHashCode();
    }
}
