using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// The canonical approval text and its SHA-256 (hex), as the server computes them. For display: a client recomputes
/// both from the transaction's fields before signing, and never signs a digest it was sent.
/// </summary>
public sealed record ApprovalDigestInfo(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sha256")] string Sha256);
