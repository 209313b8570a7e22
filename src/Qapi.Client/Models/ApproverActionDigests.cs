using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>What an approver signs to approve, and to reject, a transaction.</summary>
public sealed record ApproverActionDigests(
    [property: JsonPropertyName("approve")] ApprovalDigestInfo Approve,
    [property: JsonPropertyName("reject")] ApprovalDigestInfo Reject);
