using System.Security.Cryptography;

namespace Qapi.Core.Protocol;

/// <summary>
/// API secrets. Clients disagree on the secret's base64 alphabet (standard, or padded URL-safe), so issued secrets
/// use only A-Z, a-z and 0-9 in a length that is a multiple of four: every decoding gives the same bytes.
/// </summary>
public static class ApiSecret
{
    /// <summary>Characters of an issued secret: 64 characters decode to 48 key bytes.</summary>
    public const int Length = 64;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Generates a new secret's text from a cryptographic random source.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The HMAC key bytes of a secret's text, decoded in either base64 alphabet.</summary>
    public static byte[] ToKeyBytes(string secret)
    {
        if (!Base64Text.TryDecodeAnyAlphabet(secret, out var bytes) || bytes.Length == 0)
        {
            throw new FormatException("The API secret is not base64 text.");
        }

        return bytes;
    }
}
