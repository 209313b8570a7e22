using System.Security.Cryptography;
using Secp256k1Net;

namespace Qapi.Core.Approvals;

/// <summary>
/// Approvers' keys: secp256k1, public keys as 33-byte compressed hex, signatures as 64-byte compact (r, s) hex
/// with low s, over a 32-byte digest. The arithmetic is bitcoin-core's libsecp256k1 (through Secp256k1.Net),
/// which verifies in about a fifth of the time of its C# port (bench/README.md).
/// </summary>
public static class ApproverKeys
{
    private const int DigestLength = 32;
    private const int PublicKeyLength = 33;
    private const int SignatureLength = 64;

    /// <summary>A new private key (32 bytes) and its compressed public key, both hex.</summary>
    public static (string PrivateKeyHex, string PublicKeyHex) Generate()
    {
        var (secret, publicKey) = Secp256k1.CreateKeyPair(compressed: true);
        try
        {
            return (Convert.ToHexStringLower(secret), Convert.ToHexStringLower(publicKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Whether text is a valid compressed secp256k1 public key in hex.</summary>
    public static bool IsValidPublicKey(string? hex) =>
        TryDecode(hex, PublicKeyLength, out var bytes) && Secp256k1.IsValidPublicKey(bytes);

    /// <summary>The compressed public key of a private key, hex.</summary>
    public static string PublicKeyOf(string privateKeyHex)
    {
        var secret = PrivateKey(privateKeyHex);
        try
        {
            return Convert.ToHexStringLower(Secp256k1.CreatePublicKey(secret, compressed: true));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Signs a 32-byte digest; the result is 64 bytes of compact signature (low s), hex.</summary>
    public static string Sign(string privateKeyHex, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != DigestLength)
        {
            throw new ArgumentException("An approval digest is 32 bytes.", nameof(digest));
        }

        var secret = PrivateKey(privateKeyHex);
        try
        {
            return Convert.ToHexStringLower(Secp256k1.Sign(digest, secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Whether the signature is the public key's over the digest (high-s signatures are refused).</summary>
    public static bool Verify(string publicKeyHex, ReadOnlySpan<byte> digest, string? signatureHex)
    {
        // libsecp256k1's verification refuses a signature whose s is above half the order, an unparsable key and
        // an r or s out of range, by returning false.
        return digest.Length == DigestLength
            && TryDecode(publicKeyHex, PublicKeyLength, out var publicKey)
            && TryDecode(signatureHex, SignatureLength, out var signature)
            && Secp256k1.Verify(signature, digest, publicKey);
    }

    private static byte[] PrivateKey(string privateKeyHex)
    {
        if (!TryDecode(privateKeyHex, 32, out var secret) || !Secp256k1.IsValidSecretKey(secret))
        {
            throw new FormatException("An approver's private key is 32 bytes of hex.");
        }

        return secret;
    }

    private static bool TryDecode(string? hex, int length, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != length * 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
