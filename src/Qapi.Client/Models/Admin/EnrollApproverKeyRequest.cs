using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// <c>POST /accounts/{accountId}/approvers/{approverId}/keys</c>: a compressed secp256k1 public key, hex.
/// </summary>
public sealed record EnrollApproverKeyRequest(
    [property: JsonPropertyName("publicKey")] string? PublicKey);
