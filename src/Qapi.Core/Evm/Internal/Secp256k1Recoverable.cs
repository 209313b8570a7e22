using NBitcoin.Secp256k1;
using Nethereum.Util;

namespace Qapi.Core.Evm.Internal;

/// <summary>
/// Recoverable ECDSA over secp256k1 with NBitcoin.Secp256k1, the C# port of libsecp256k1. Nethereum's own
/// signer goes through BouncyCastle, which is an order of magnitude slower and allocates megabytes per
/// transaction (figures in bench/README.md).
/// </summary>
internal static class Secp256k1Recoverable
{
    public const int SignatureLength = 64;

    /// <summary>
    /// Signs a 32-byte hash into r || s and the recovery id. Nonces follow RFC 6979 and s is normalized low
    /// (EIP-2), as libsecp256k1 always does, so the result matches other Ethereum signers byte for byte.
    /// </summary>
    public static int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        if (privateKey.Length != 32)
        {
            throw new ArgumentException("A secp256k1 private key is 32 bytes.", nameof(privateKey));
        }

        if (!ECPrivKey.TryCreate(privateKey, out var key))
        {
            throw new ArgumentException("The private key is zero or not below the curve order.", nameof(privateKey));
        }

        using (key)
        {
            if (!key.TrySignRecoverable(hash, out var recoverable) || recoverable is null)
            {
                // Only reachable with a broken nonce function; RFC 6979 retries internally.
                throw new InvalidOperationException("secp256k1 signing failed.");
            }

            recoverable.WriteToSpanCompact(signature, out var recoveryId);
            return recoveryId;
        }
    }

    /// <summary>
    /// The address whose key made r || s over the hash, or null when the signature is malformed, has a high s
    /// (nodes refuse those since EIP-2) or recovers no key.
    /// </summary>
    public static EvmAddress? TryRecoverAddress(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId)
    {
        if (recoveryId is < 0 or > 3
            || !SecpRecoverableECDSASignature.TryCreateFromCompact(signature, recoveryId, out var recoverable)
            || recoverable is null)
        {
            return null;
        }

        recoverable.Deconstruct(out var r, out var s, out _);
        if (r.IsZero || s.IsZero || s.IsHigh)
        {
            return null;
        }

        if (!ECPubKey.TryRecover(Context.Instance, recoverable, hash, out var publicKey) || publicKey is null)
        {
            return null;
        }

        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(false, uncompressed, out _);
        var keyHash = Sha3Keccack.Current.CalculateHash(uncompressed[1..].ToArray());
        return EvmAddress.FromBytes(keyHash.AsSpan(12));
    }
}
