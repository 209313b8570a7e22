using Microsoft.EntityFrameworkCore;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Records approvers' signed decisions and applies the policy: enough approvals sign the transaction, enough
/// rejections to make the threshold unreachable end it.
/// </summary>
public sealed class ApprovalService(
    QapiDbContext db,
    TransactionSigningService signing,
    ITransactionNotifier notifier,
    StoreWriteGate writeGate,
    TimeProvider clock)
{
    /// <summary>
    /// Verifies and stores a decision by an approver named in the transaction's policy. A repeat of the same
    /// decision counts once; a different decision after the first is a conflict.
    /// </summary>
    public async Task<Web3Transaction> DecideAsync(
        string txId, string memberId, ApprovalDecision decision, string signature,
        CancellationToken cancellationToken)
    {
        var tx = await db.Web3Transactions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == txId, cancellationToken)
            ?? throw QapiError.NotFound("transaction_not_found", $"No transaction {txId}.");
        var approvers = tx.ApproverIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!approvers.Contains(memberId))
        {
            throw QapiError.NotFound("transaction_not_found", $"No transaction {txId} awaits this approver.");
        }

        var key = await db.ApproverKeys.AsNoTracking()
            .Where(k => k.MemberId == memberId && k.RevokedAt == null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw QapiError.Forbidden("approver_not_enrolled", "The approver has no enrolled key.");
        var digest = ApprovalDigest.Compute(tx.Id, decision, StoredRequest.Of(tx));
        if (!ApproverKeys.Verify(key.PublicKey, digest, signature))
        {
            throw QapiError.Invalid("approval_signature_invalid",
                "The signature is not the approver's over this transaction's approval digest.");
        }

        if (TransactionStatus.IsDecided(tx.Status))
        {
            // The same decision again answers as the first did; anything else is too late.
            return await RepeatedAsync(tx, memberId, decision, cancellationToken)
                ?? throw QapiError.Conflict("transaction_decided", $"The transaction is already {tx.Status}.");
        }

        // The window is enforced here too, not only by the expiry worker's next round. A repeat of a decision
        // taken in time still answers as the first did.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (tx.ExpiresAt <= now)
        {
            if (await RepeatedAsync(tx, memberId, decision, cancellationToken) is { } repeated)
            {
                return repeated;
            }

            var ended = await TransactionEnding.EndAsync(db, tx, TransactionStatus.Expired,
                "No quorum of approvals within the approval window", now, cancellationToken);
            if (ended is { } id)
            {
                notifier.EventsCommitted(id);
            }

            throw QapiError.Conflict("transaction_decided", "The transaction's approval window has passed.");
        }

        // The unique (transaction, member) index tells a first decision from a repeat, so the common case, a first
        // decision, needs no query to look for an earlier one.
        if (!await TryRecordAsync(tx, memberId, decision, signature, cancellationToken))
        {
            return await RepeatedAsync(tx, memberId, decision, cancellationToken)
                ?? throw new InvalidOperationException($"The decision on {txId} was neither recorded nor found.");
        }

        // When this decision got the transaction signed, the signed transaction is what there is to answer with.
        return await ApplyPolicyAsync(tx, approvers.Length, cancellationToken)
            ?? await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == txId, cancellationToken);
    }

    /// <summary>
    /// The transaction when the member already took this decision on it (it counts once), a conflict when the member
    /// took the other one, and null when the member has not decided.
    /// </summary>
    private async Task<Web3Transaction?> RepeatedAsync(
        Web3Transaction tx, string memberId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var earlier = await db.Approvals.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TxId == tx.Id && a.MemberId == memberId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.Decision == decision
            ? tx
            : throw QapiError.Conflict("approver_already_decided",
                $"This approver already chose to {earlier.Decision.ToString().ToLowerInvariant()}.");
    }

    /// <summary>Stores the decision; false when the member's decision on this transaction is already stored.</summary>
    private async Task<bool> TryRecordAsync(
        Web3Transaction tx, string memberId, ApprovalDecision decision, string signature,
        CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(cancellationToken);
        db.Approvals.Add(new Approval
        {
            TxId = tx.Id,
            MemberId = memberId,
            Decision = decision,
            Signature = signature,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // An earlier or concurrent request of the same approver got there first; its decision stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Signs or rejects the transaction if the decisions so far settle it; returns the transaction if this call
    /// signed it.
    /// </summary>
    private async Task<Web3Transaction?> ApplyPolicyAsync(
        Web3Transaction tx, int approverCount, CancellationToken cancellationToken)
    {
        var decisions = await db.Approvals.AsNoTracking().Where(a => a.TxId == tx.Id)
            .GroupBy(a => a.Decision).Select(g => new { Decision = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var approvals = decisions.Where(d => d.Decision == ApprovalDecision.Approve).Sum(d => d.Count);
        var rejections = decisions.Where(d => d.Decision == ApprovalDecision.Reject).Sum(d => d.Count);

        if (approvals >= tx.Threshold)
        {
            return await signing.SignOnceAsync(tx.Id, cancellationToken);
        }

        if (approverCount - rejections < tx.Threshold)
        {
            var ended = await TransactionEnding.EndAsync(db, tx, TransactionStatus.Rejected,
                $"{rejections} of {approverCount} approvers rejected it; {tx.Threshold} approvals can no longer "
                + "be reached", clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
            if (ended is { } id)
            {
                notifier.EventsCommitted(id);
            }
        }

        return null;
    }
}
