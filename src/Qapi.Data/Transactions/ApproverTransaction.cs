using Qapi.Core.Approvals;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>A transaction as one approver sees it: the policy's progress and that approver's own decision.</summary>
public sealed record ApproverTransaction(
    Web3Transaction Transaction,
    int Approvals,
    int Rejections,
    ApprovalDecision? Decision);
