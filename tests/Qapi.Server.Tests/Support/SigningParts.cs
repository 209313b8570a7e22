namespace Qapi.Server.Tests.Support;

/// <summary>What a request is signed over; tests change one part to prove the server notices.</summary>
public sealed class SigningParts
{
    public required string KeyId { get; set; }
    public required string Secret { get; set; }
    public required string Timestamp { get; set; }
    public required string Method { get; set; }
    public required string Url { get; set; }
    public required string Body { get; set; }
    public string? Signature { get; set; }
    public bool OmitKey { get; set; }
    public bool OmitTimestamp { get; set; }
    public bool OmitSignature { get; set; }
    public Dictionary<string, string> ExtraHeaders { get; } = [];
}
