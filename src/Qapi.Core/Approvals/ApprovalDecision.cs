namespace Qapi.Core.Approvals;

/// <summary>What an approver says of a transaction.</summary>
public enum ApprovalDecision
{
    /// <summary>Let it be signed.</summary>
    Approve,

    /// <summary>Refuse it.</summary>
    Reject,
}
