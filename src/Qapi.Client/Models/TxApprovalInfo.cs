using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>txApproval</c>: one approver named by the policy and what they decided.</summary>
public sealed record TxApprovalInfo(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("userID")] string UserId,
    [property: JsonPropertyName("actionID")] string ActionId,
    [property: JsonPropertyName("external")] bool External,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("firstName")] string FirstName,
    [property: JsonPropertyName("lastName")] string LastName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("accountCode")] string AccountCode,
    [property: JsonPropertyName("timestamp")] long Timestamp);
