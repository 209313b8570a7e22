using System.Security.Cryptography;
using System.Text;

namespace Qapi.Core.Approvals;

/// <summary>
/// The approvers' channel request signature: the approver's key signs SHA-256(timestamp + METHOD + URL + body),
/// the same message an API key's HMAC covers. It cannot double as an approval: an approval digest hashes text
/// that starts with <c>qapi-approval-v1</c>, and this message starts with the timestamp's digits.
/// </summary>
public static class ApproverRequestSignature
{
    /// <summary>The 32-byte digest of the request, over the exact text and body bytes sent.</summary>
    public static byte[] Digest(string timestamp, string method, string url, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp + method + url));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    /// <summary>Signs a request with the approver's private key; the signature is 64 bytes, hex.</summary>
    public static string Compute(
        string privateKeyHex, string timestamp, string method, string url, ReadOnlySpan<byte> body) =>
        ApproverKeys.Sign(privateKeyHex, Digest(timestamp, method, url, body));

    /// <summary>Whether the signature is the public key's over this request.</summary>
    public static bool Verify(
        string publicKeyHex,
        string timestamp,
        string method,
        string url,
        ReadOnlySpan<byte> body,
        string? signatureHex) =>
        ApproverKeys.Verify(publicKeyHex, Digest(timestamp, method, url, body), signatureHex);
}
