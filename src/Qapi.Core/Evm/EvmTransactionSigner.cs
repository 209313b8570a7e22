using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Nethereum.Model;
using Nethereum.RLP;
using Nethereum.Util;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>
/// Serializes and signs EVM transactions: legacy ones with EIP-155 replay protection, EIP-1559 ones as type 2.
/// Nethereum's encoders write the RLP; the signature itself comes from libsecp256k1.
/// </summary>
public static class EvmTransactionSigner
{
    /// <summary>The unsigned serialization (<c>rawTX</c>): what the signing hash is taken over.</summary>
    public static ImmutableArray<byte> SerializeUnsigned(EvmTransaction transaction) =>
        Wrap(ToModel(transaction).GetRLPEncodedRaw());

    /// <summary>The Keccak-256 hash of the unsigned serialization, which the sender's key signs.</summary>
    public static ImmutableArray<byte> SigningHash(EvmTransaction transaction) =>
        Wrap(Keccak(ToModel(transaction).GetRLPEncodedRaw()));

    /// <summary>Signs a transaction with a 32-byte secp256k1 private key.</summary>
    /// <exception cref="ArgumentException">The key is not a valid secp256k1 private key.</exception>
    public static EvmSignedTransaction Sign(EvmTransaction transaction, ReadOnlySpan<byte> privateKey)
    {
        var model = ToModel(transaction);
        var raw = model.GetRLPEncodedRaw();
        var signingHash = Keccak(raw);

        Span<byte> rs = stackalloc byte[Secp256k1Recoverable.SignatureLength];
        var recoveryId = Secp256k1Recoverable.Sign(signingHash, privateKey, rs);

        // The encoder trims leading zero bytes from r and s itself, as RLP integers require.
        var v = V(transaction, recoveryId);
        model.SetSignature(new Signature(rs[..32].ToArray(), rs[32..].ToArray(), v));
        var signed = model.GetRLPEncoded();

        return new EvmSignedTransaction(Wrap(raw), Wrap(signingHash), Wrap(signed), Wrap(Keccak(signed)));
    }

    // EIP-155 folds the chain id into a legacy v; a type 2 transaction carries the bare y parity (EIP-1559).
    private static byte[] V(EvmTransaction transaction, int recoveryId) =>
        transaction.Fees is EvmLegacyFees
            ? (transaction.ChainId * 2 + 35 + recoveryId).ToBytesForRLPEncoding()
            : [(byte)recoveryId];

    private static SignedTransaction ToModel(EvmTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var to = transaction.To.Bytes.ToArray();
        var data = transaction.Data.AsSpan().ToArray();
        return transaction.Fees switch
        {
            EvmLegacyFees legacy => new LegacyTransactionChainId(
                transaction.Nonce.ToBytesForRLPEncoding(),
                legacy.GasPrice.ToBytesForRLPEncoding(),
                transaction.GasLimit.ToBytesForRLPEncoding(),
                to,
                transaction.Value.ToBytesForRLPEncoding(),
                data,
                transaction.ChainId.ToBytesForRLPEncoding()),
            EvmEip1559Fees dynamic => new Transaction1559(
                transaction.ChainId,
                transaction.Nonce,
                dynamic.MaxPriorityFeePerGas,
                dynamic.MaxFeePerGas,
                transaction.GasLimit,
                EvmHexData.ToHex(to),
                transaction.Value,
                EvmHexData.ToHex(data),
                []),
            _ => throw new ArgumentException("Unknown fee style.", nameof(transaction)),
        };
    }

    private static byte[] Keccak(byte[] bytes) => Sha3Keccack.Current.CalculateHash(bytes);

    private static ImmutableArray<byte> Wrap(byte[] bytes) => ImmutableCollectionsMarshal.AsImmutableArray(bytes);
}
