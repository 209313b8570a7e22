using System.Security.Cryptography;
using System.Text;

namespace Qapi.Core.Protocol;

/// <summary>
/// The Qredo API v1 request signature: base64url_nopad(HMAC-SHA256(secret, timestamp + METHOD + URL + body)).
/// </summary>
public static class RequestSignature
{
    /// <summary>Length in bytes of an HMAC-SHA256 signature.</summary>
    public const int SignatureLength = 32;

    /// <summary>Computes the signature bytes over the exact text and body bytes a client sent.</summary>
    public static byte[] ComputeBytes(
        ReadOnlySpan<byte> secret, string timestamp, string method, string url, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        AppendUtf8(hmac, timestamp);
        AppendUtf8(hmac, method);
        AppendUtf8(hmac, url);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>Computes the signature as the header carries it: URL-safe base64 without padding.</summary>
    public static string Compute(
        ReadOnlySpan<byte> secret, string timestamp, string method, string url, ReadOnlySpan<byte> body) =>
        Base64Text.EncodeUrlNoPad(ComputeBytes(secret, timestamp, method, url, body));

    /// <summary>
    /// Checks a signature header value in constant time. Either base64 alphabet, with or without padding,
    /// is accepted because published client recipes differ.
    /// </summary>
    public static bool Verify(
        ReadOnlySpan<byte> secret,
        string timestamp,
        string method,
        string url,
        ReadOnlySpan<byte> body,
        string signature)
    {
        Span<byte> presented = stackalloc byte[SignatureLength];
        if (!Base64Text.TryDecodeAnyAlphabet(signature, presented, out var written) || written != SignatureLength)
        {
            return false;
        }

        var expected = ComputeBytes(secret, timestamp, method, url, body);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private static void AppendUtf8(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(bytes);
    }
}
