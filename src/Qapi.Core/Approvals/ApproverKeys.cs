using System.Collections.Concurrent;
using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace Qapi.Core.Approvals;

/// <summary>
/// Approvers' keys: secp256k1, public keys as 33-byte compressed hex, signatures as 64-byte compact (r, s) hex
/// with low s, over a 32-byte digest.
/// </summary>
public static class ApproverKeys
{
    private const int MaxParsedKeys = 10_000;

    // Parsing a compressed key recovers its y coordinate (a square root in the field), about a tenth of the cost
    // of a verification, and every approver request verifies two signatures by the same few keys. A parsed key is
    // immutable, so it is kept by its exact hex text.
    private static readonly ConcurrentDictionary<string, ECPubKey> Parsed = new(StringComparer.Ordinal);

    /// <summary>A new private key (32 bytes) and its compressed public key, both hex.</summary>
    public static (string PrivateKeyHex, string PublicKeyHex) Generate()
    {
        while (true)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            if (ECPrivKey.TryCreate(secret, out var key))
            {
                var publicKey = new byte[33];
                key.CreatePubKey().WriteToSpan(true, publicKey, out _);
                return (Convert.ToHexStringLower(secret), Convert.ToHexStringLower(publicKey));
            }
        }
    }

    /// <summary>Whether text is a valid compressed secp256k1 public key in hex.</summary>
    public static bool IsValidPublicKey(string? hex) =>
        TryDecode(hex, 33, out var bytes) && ECPubKey.TryCreate(bytes, null, out _, out _);

    /// <summary>The compressed public key of a private key, hex.</summary>
    public static string PublicKeyOf(string privateKeyHex)
    {
        var key = PrivateKey(privateKeyHex);
        var publicKey = new byte[33];
        key.CreatePubKey().WriteToSpan(true, publicKey, out _);
        return Convert.ToHexStringLower(publicKey);
    }

    /// <summary>Signs a 32-byte digest; the result is 64 bytes of compact signature, hex.</summary>
    public static string Sign(string privateKeyHex, ReadOnlySpan<byte> digest)
    {
        var key = PrivateKey(privateKeyHex);
        if (!key.TrySignECDSA(digest, out var signature) || signature is null)
        {
            throw new CryptographicException("The digest could not be signed.");
        }

        var compact = new byte[64];
        signature.WriteCompactToSpan(compact);
        return Convert.ToHexStringLower(compact);
    }

    /// <summary>Whether the signature is the public key's over the digest (high-s signatures are refused).</summary>
    public static bool Verify(string publicKeyHex, ReadOnlySpan<byte> digest, string? signatureHex)
    {
        if (PublicKey(publicKeyHex) is not { } publicKey
            || !TryDecode(signatureHex, 64, out var signatureBytes)
            || !SecpECDSASignature.TryCreateFromCompact(signatureBytes, out var signature)
            || signature is null)
        {
            return false;
        }

        return publicKey.SigVerify(signature, digest);
    }

    private static ECPubKey? PublicKey(string publicKeyHex)
    {
        if (Parsed.TryGetValue(publicKeyHex, out var cached))
        {
            return cached;
        }

        if (!TryDecode(publicKeyHex, 33, out var bytes) || !ECPubKey.TryCreate(bytes, null, out _, out var parsed))
        {
            return null;
        }

        if (Parsed.Count >= MaxParsedKeys)
        {
            Parsed.Clear();
        }

        Parsed[publicKeyHex] = parsed!;
        return parsed;
    }

    private static ECPrivKey PrivateKey(string privateKeyHex)
    {
        if (!TryDecode(privateKeyHex, 32, out var secret) || !ECPrivKey.TryCreate(secret, out var key))
        {
            throw new FormatException("An approver's private key is 32 bytes of hex.");
        }

        return key;
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
