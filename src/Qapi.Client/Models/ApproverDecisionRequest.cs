using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// The body of <c>PUT</c> (approve) and <c>DELETE</c> (reject) <c>/approver/v1/actions/{tx_id}</c>: the approver's
/// signature over the approval digest of that decision, hex.
/// </summary>
public sealed record ApproverDecisionRequest(
    [property: JsonPropertyName("signature")] string? Signature);
