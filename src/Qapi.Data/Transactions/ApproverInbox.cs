using Microsoft.EntityFrameworkCore;
using Qapi.Core.Approvals;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// What awaits an approver: transactions whose policy (as copied in at creation) names the member, still pending
/// and inside their approval window, on which the member has not decided yet.
/// </summary>
public sealed class ApproverInbox(QapiDbContext db, TimeProvider clock)
{
    /// <summary>The actions awaiting the member, oldest first.</summary>
    public async Task<IReadOnlyList<ApproverTransaction>> PendingForAsync(
        string memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();

        // The substring test narrows the rows in SQL; Names() then requires the exact id among the space-separated
        // ones, so a member id that is a substring of another can never match by accident.
        var candidates = await db.Web3Transactions.AsNoTracking()
            .Where(t => t.Status == TransactionStatus.Pending && t.ExpiresAt > now
                && t.ApproverIds.Contains(memberId)
                && !db.Approvals.Any(a => a.TxId == t.Id && a.MemberId == memberId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return await WithProgressAsync(candidates.Where(t => Names(t, memberId)).ToList(), memberId,
            cancellationToken);
    }

    /// <summary>One transaction whose policy names the member, in any status; null for any other.</summary>
    public async Task<ApproverTransaction?> FindForAsync(
        string memberId, string txId, CancellationToken cancellationToken)
    {
        var tx = await db.Web3Transactions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == txId, cancellationToken);
        if (tx is null || !Names(tx, memberId))
        {
            return null;
        }

        return (await WithProgressAsync([tx], memberId, cancellationToken))[0];
    }

    /// <summary>Whether the transaction's policy, as copied in at creation, names the member.</summary>
    public static bool Names(Web3Transaction tx, string memberId) =>
        tx.ApproverIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(memberId, StringComparer.Ordinal);

    private async Task<IReadOnlyList<ApproverTransaction>> WithProgressAsync(
        List<Web3Transaction> transactions, string memberId, CancellationToken cancellationToken)
    {
        if (transactions.Count == 0)
        {
            return [];
        }

        var ids = transactions.Select(t => t.Id).ToList();
        var decisions = await db.Approvals.AsNoTracking().Where(a => ids.Contains(a.TxId))
            .Select(a => new { a.TxId, a.MemberId, a.Decision })
            .ToListAsync(cancellationToken);
        var byTx = decisions.ToLookup(d => d.TxId, StringComparer.Ordinal);
        return transactions.Select(t =>
        {
            var mine = byTx[t.Id].Where(d => d.MemberId == memberId).Select(d => d.Decision).ToList();
            return new ApproverTransaction(t,
                byTx[t.Id].Count(d => d.Decision == ApprovalDecision.Approve),
                byTx[t.Id].Count(d => d.Decision == ApprovalDecision.Reject),
                mine.Count == 0 ? null : mine[0]);
        }).ToList();
    }
}
