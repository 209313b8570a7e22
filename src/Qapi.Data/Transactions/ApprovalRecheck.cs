using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Checks, before a transaction is signed, that every approval counted for it still verifies against the content
/// about to be signed. Each approval was verified when it was given; if the transaction's row changed since (outside
/// the API, which never changes a pending transaction's content), the earlier signatures no longer match and
/// nothing is signed.
/// </summary>
public sealed partial class ApprovalRecheck(QapiDbContext db, ILogger<ApprovalRecheck> logger)
{
    /// <summary>
    /// Refuses, changing nothing, when an approval among <paramref name="decisions"/> does not verify.
    /// </summary>
    /// <exception cref="QapiError">An approval does not verify against <paramref name="tx"/>.</exception>
    public async Task RequireAllVerifyAsync(
        Web3Transaction tx, IEnumerable<MemberDecision> decisions, CancellationToken cancellationToken)
    {
        var digest = ApprovalDigest.Compute(tx.Id, ApprovalDecision.Approve, StoredRequest.Of(tx));
        foreach (var approval in decisions.Where(d => d.Decision == ApprovalDecision.Approve))
        {
            var keys = approval.PublicKey is { } key
                ? [key]
                : await db.ApproverKeys.AsNoTracking().Where(k => k.MemberId == approval.MemberId)
                    .Select(k => k.PublicKey).ToListAsync(cancellationToken);
            if (!keys.Any(k => ApproverKeys.Verify(k, digest, approval.Signature)))
            {
                LogApprovalBroken(logger, tx.Id, approval.MemberId);
                throw QapiError.Conflict("approval_does_not_verify",
                    "An approval given for this transaction does not verify against its content any more, so it "
                    + "is not signed; its content was changed after it was approved.");
            }
        }
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Critical,
        Message = "Refused to sign transaction {TxId}: the approval of member {MemberId} does not verify against "
            + "its stored content, which changed after it was approved")]
    private static partial void LogApprovalBroken(ILogger logger, string txId, string memberId);
}
