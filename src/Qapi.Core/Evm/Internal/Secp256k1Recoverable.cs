using Nethereum.Util;
using Secp256k1Net;

namespace Qapi.Core.Evm.Internal;

/// <summary>
/// Recoverable ECDSA over secp256k1 with bitcoin-core's libsecp256k1 (through Secp256k1.Net). Nethereum's own
/// signer goes through BouncyCastle, which is two orders of magnitude slower and allocates megabytes per
/// transaction; NBitcoin.Secp256k1, the library's C# port, is about ten times slower (figures in bench/README.md).
/// </summary>
internal static class Secp256k1Recoverable
{
    public const int SignatureLength = 64;

    // s must not exceed half the group order n (EIP-2); this is n / 2, big-endian.
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ];

    /// <summary>
    /// Signs a 32-byte hash into r || s and the recovery id. Nonces follow RFC 6979 and s is normalized low
    /// (EIP-2), as libsecp256k1 always does, so the result matches other Ethereum signers byte for byte.
    /// </summary>
    public static int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        if (hash.Length != 32 || signature.Length != SignatureLength)
        {
            throw new ArgumentException("A signing hash is 32 bytes and the signature 64.", nameof(hash));
        }

        if (privateKey.Length != 32)
        {
            throw new ArgumentException("A secp256k1 private key is 32 bytes.", nameof(privateKey));
        }

        if (!Secp256k1.IsValidSecretKey(privateKey))
        {
            throw new ArgumentException("The private key is zero or not below the curve order.", nameof(privateKey));
        }

        var (compact, recoveryId) = Secp256k1.SignRecoverable(hash, privateKey);
        compact.CopyTo(signature);
        return recoveryId;
    }

    /// <summary>
    /// The address whose key made r || s over the hash, or null when the signature is malformed, has a high s
    /// (nodes refuse those since EIP-2) or recovers no key.
    /// </summary>
    public static EvmAddress? TryRecoverAddress(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId)
    {
        if (recoveryId is < 0 or > 3 || hash.Length != 32 || signature.Length != SignatureLength
            || IsZero(signature[..32]) || IsZero(signature[32..]) || signature[32..].SequenceCompareTo(HalfOrder) > 0)
        {
            return null;
        }

        byte[] uncompressed;
        try
        {
            uncompressed = Secp256k1.RecoverPublicKey(signature, (byte)recoveryId, hash, compressed: false);
        }
        catch (ArgumentException)
        {
            // r or s at or above the order, or no point for this r and recovery id.
            return null;
        }

        var keyHash = Sha3Keccack.Current.CalculateHash(uncompressed[1..]);
        return EvmAddress.FromBytes(keyHash.AsSpan(12));
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
