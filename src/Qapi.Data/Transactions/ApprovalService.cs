using Microsoft.EntityFrameworkCore;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Records approvers' signed decisions and applies the policy: enough approvals sign the transaction, enough
/// rejections to make the threshold unreachable end it. A decision, the request's replay record and what the
/// decision settles (signing or rejection) commit together, in one database transaction.
/// </summary>
public sealed class ApprovalService(
    QapiDbContext db,
    TransactionSigningService signing,
    ITransactionNotifier notifier,
    StoreWriteGate writeGate,
    ReplayRecord replay,
    CompiledQueries queries,
    ApprovalRecheck recheck,
    TimeProvider clock)
{
    /// <summary>
    /// Verifies and stores a decision by an approver named in the transaction's policy. A repeat of the same
    /// decision counts once; a different decision after the first is a conflict. Returns the transaction as it is
    /// after the decision.
    /// </summary>
    public async Task<Web3Transaction> DecideAsync(
        string txId, string memberId, ApprovalDecision decision, string signature,
        CancellationToken cancellationToken) =>
        (await DecideWithProgressAsync(txId, memberId, decision, signature, cancellationToken)).Transaction;

    /// <summary>
    /// <see cref="DecideAsync"/>, answered with the policy's progress and the member's decision as they stand after
    /// it.
    /// </summary>
    public async Task<ApproverTransaction> DecideWithProgressAsync(
        string txId, string memberId, ApprovalDecision decision, string signature,
        CancellationToken cancellationToken)
    {
        var tx = await queries.TransactionAsync(db, txId, cancellationToken)
            ?? throw QapiError.NotFound("transaction_not_found", $"No transaction {txId}.");
        var approvers = tx.ApproverIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!approvers.Contains(memberId))
        {
            throw QapiError.NotFound("transaction_not_found", $"No transaction {txId} awaits this approver.");
        }

        var key = await queries.ActiveApproverKeyAsync(db, memberId, cancellationToken)
            ?? throw QapiError.Forbidden("approver_not_enrolled", "The approver has no enrolled key.");
        var digest = ApprovalDigest.Compute(tx.Id, decision, StoredRequest.Of(tx));
        if (!ApproverKeys.Verify(key.PublicKey, digest, signature))
        {
            throw QapiError.Invalid("approval_signature_invalid",
                "The signature is not the approver's over this transaction's approval digest.");
        }

        if (TransactionStatus.IsDecided(tx.Status))
        {
            return await AnswerDecidedAsync(tx, memberId, decision, cancellationToken);
        }

        // The window is enforced here too, not only by the expiry worker's next round. A repeat of a decision
        // taken in time still answers as the first did.
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (tx.ExpiresAt <= now)
        {
            if (await RepeatedAsync(tx, memberId, decision, cancellationToken) is { } repeated)
            {
                return await ProgressAsync(repeated, decision, cancellationToken);
            }

            var ended = await TransactionEnding.EndAsync(db, tx, TransactionStatus.Expired,
                "No quorum of approvals within the approval window", now, cancellationToken);
            if (ended is { } id)
            {
                notifier.EventsCommitted(id);
            }

            throw QapiError.Conflict("transaction_decided", "The transaction's approval window has passed.");
        }

        return await RecordAsync(tx, approvers.Length, key.Id, memberId, decision, signature, now, cancellationToken);
    }

    /// <summary>
    /// Records a decision on a transaction read as pending, and signs or rejects it if that settles it, in one
    /// database transaction.
    /// </summary>
    private async Task<ApproverTransaction> RecordAsync(
        Web3Transaction tx, int approverCount, string keyId, string memberId, ApprovalDecision decision,
        string signature, long now, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // First, so that a concurrent copy of this request is refused as a replay whatever the state it then finds
        // (on PostgreSQL the copy's insert waits for this transaction and then finds the row).
        await replay.WriteAsync(db, cancellationToken);

        // Lock the transaction's row while it is still pending. On PostgreSQL a concurrent decision on the same
        // transaction waits here until this one commits, and then counts it; on SQLite this transaction holds the
        // database's write lock already. So two last approvals cannot both miss each other, and a transaction
        // settled meanwhile is seen as settled.
        var stillPending = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Web3Transactions" SET "Status" = {TransactionStatus.Pending}
            WHERE "Id" = {tx.Id} AND "Status" = {TransactionStatus.Pending}
            """,
            cancellationToken);
        if (stillPending == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var settled = await queries.TransactionAsync(db, tx.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Transaction {tx.Id} vanished while being decided.");
            return await AnswerDecidedAsync(settled, memberId, decision, cancellationToken);
        }

        var decisions = await queries.DecisionsAsync(db, tx.Id, cancellationToken);
        var approvals = decisions.Count(d => d.Decision == ApprovalDecision.Approve);
        var rejections = decisions.Count(d => d.Decision == ApprovalDecision.Reject);
        if (decisions.FirstOrDefault(d => d.MemberId == memberId) is { } earlier)
        {
            // The decision was taken before (it counts once) or the other one was: nothing to write.
            await transaction.RollbackAsync(cancellationToken);
            return earlier.Decision == decision
                ? new ApproverTransaction(tx, approvals, rejections, decision)
                : throw AlreadyDecided(earlier.Decision);
        }

        db.Approvals.Add(new Approval
        {
            TxId = tx.Id,
            MemberId = memberId,
            Decision = decision,
            Signature = signature,
            ApproverKeyId = keyId,
            CreatedAt = now,
        });
        approvals += decision == ApprovalDecision.Approve ? 1 : 0;
        rejections += decision == ApprovalDecision.Reject ? 1 : 0;
        if (approvals >= tx.Threshold)
        {
            // This decision was verified against tx a moment ago; the earlier ones against the row as it was then.
            await recheck.RequireAllVerifyAsync(tx, decisions, cancellationToken);
        }

        var settledBy = await ApplyPolicyAsync(tx, approverCount, approvals, rejections, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        replay.Committed();
        db.ChangeTracker.Clear();
        if (settledBy is not null)
        {
            notifier.EventsCommitted(settledBy.Id);
        }

        return new ApproverTransaction(tx, approvals, rejections, decision);
    }

    /// <summary>
    /// Signs (updating <paramref name="tx"/>) or rejects the transaction, in the open database transaction, if the
    /// decisions settle it; returns the event that says so, or null while it still waits.
    /// </summary>
    private async Task<TransactionEvent?> ApplyPolicyAsync(
        Web3Transaction tx, int approverCount, int approvals, int rejections, long now,
        CancellationToken cancellationToken)
    {
        if (approvals >= tx.Threshold)
        {
            return await signing.SignInTransactionAsync(tx, now, cancellationToken);
        }

        if (approverCount - rejections >= tx.Threshold)
        {
            return null;
        }

        var ended = await TransactionEnding.EndInTransactionAsync(db, tx, TransactionStatus.Rejected,
            $"{rejections} of {approverCount} approvers rejected it; {tx.Threshold} approvals can no longer "
            + "be reached", now, cancellationToken);
        if (ended is not null)
        {
            tx.Status = TransactionStatus.Rejected;
            tx.EndedAt = now;
        }

        return ended;
    }

    /// <summary>
    /// The answer on a transaction already settled: the same decision again answers as the first did.
    /// </summary>
    private async Task<ApproverTransaction> AnswerDecidedAsync(
        Web3Transaction tx, string memberId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        _ = await RepeatedAsync(tx, memberId, decision, cancellationToken)
            ?? throw QapiError.Conflict("transaction_decided", $"The transaction is already {tx.Status}.");
        return await ProgressAsync(tx, decision, cancellationToken);
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

        return earlier.Decision == decision ? tx : throw AlreadyDecided(earlier.Decision);
    }

    private async Task<ApproverTransaction> ProgressAsync(
        Web3Transaction tx, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var decisions = await db.Approvals.AsNoTracking().Where(a => a.TxId == tx.Id).Select(a => a.Decision)
            .ToListAsync(cancellationToken);
        return new ApproverTransaction(tx, decisions.Count(d => d == ApprovalDecision.Approve),
            decisions.Count(d => d == ApprovalDecision.Reject), decision);
    }

    private static QapiError AlreadyDecided(ApprovalDecision earlier) =>
        QapiError.Conflict("approver_already_decided",
            $"This approver already chose to {earlier.ToString().ToLowerInvariant()}.");
}
