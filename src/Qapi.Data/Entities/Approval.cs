using Qapi.Core.Approvals;

namespace Qapi.Data.Entities;

/// <summary>An approver's verified decision on a transaction; one per approver and transaction.</summary>
public sealed class Approval
{
    public long Id { get; init; }
    public required string TxId { get; init; }
    public required string MemberId { get; init; }
    public ApprovalDecision Decision { get; init; }

    /// <summary>The approver's signature over <see cref="ApprovalDigest"/>, hex.</summary>
    public required string Signature { get; init; }

    /// <summary>
    /// The enrolled key the signature was verified against; null only for decisions recorded before keys were
    /// named here, which are checked against the member's keys instead.
    /// </summary>
    public string? ApproverKeyId { get; init; }

    public long CreatedAt { get; init; }
}
