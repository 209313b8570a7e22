namespace Qapi.Core.Approvals;

/// <summary>
/// How a request on the approvers' channel (<c>/approver/v1</c>) names its key, timestamp and signature: in headers
/// (names compared case-insensitively), or, for a browser opening the feed's WebSocket, in query parameters.
/// </summary>
public static class ApproverHeaders
{
    /// <summary>The id of the approver's enrolled key (not the member's id).</summary>
    public const string KeyId = "qapi-approver-id";

    /// <summary>The decimal epoch timestamp, with the same rules as <c>qredo-api-ts</c>.</summary>
    public const string Timestamp = "qapi-approver-ts";

    /// <summary>The request signature, 64 bytes of compact secp256k1 signature in hex.</summary>
    public const string Signature = "qapi-approver-sig";

    /// <summary>The feed's query parameter that stands in for <see cref="KeyId"/>.</summary>
    public const string KeyIdParameter = "approver";

    /// <summary>The feed's query parameter that stands in for <see cref="Timestamp"/>.</summary>
    public const string TimestampParameter = "ts";

    /// <summary>The feed's query parameter that stands in for <see cref="Signature"/>.</summary>
    public const string SignatureParameter = "sig";
}
