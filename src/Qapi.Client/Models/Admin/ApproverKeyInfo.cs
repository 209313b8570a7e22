using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>An enrolled approver key.</summary>
public sealed record ApproverKeyInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("approverId")] string ApproverId,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
