using Microsoft.EntityFrameworkCore;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;
using Qapi.Data.Transactions;

namespace Qapi.Data.Broadcast;

/// <summary>
/// Status changes after signing, each a conditional update from the status the caller saw: when two workers (or
/// two nodes) act on one transaction, one wins and the other writes nothing. The event and the ledger entry's
/// status change in the same database transaction.
/// </summary>
internal static class BroadcastTransitions
{
    /// <summary>The id of the event written, or null when the transaction had left <paramref name="from"/>.</summary>
    public static async Task<long?> MoveAsync(
        QapiDbContext db, Web3Transaction tx, string from, string to, string message, long now,
        CancellationToken cancellationToken)
    {
        var ends = to is TransactionStatus.Confirmed or TransactionStatus.Failed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Web3Transactions
            .Where(t => t.Id == tx.Id && t.Status == from)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(t => t.Status, to);
                if (ends)
                {
                    s.SetProperty(t => t.EndedAt, now);
                }
            }, cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await db.LedgerEntries.Where(e => e.TxId == tx.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, to), cancellationToken);
        if (to == TransactionStatus.Failed)
        {
            // A reverted transaction moved no value but spent gas: the value taken from the balance at signing comes
            // back, the fee stays taken at its cap (the ledger records the cap, not the gas actually charged).
            var asset = await db.Wallets.Where(w => w.Id == tx.WalletId).Select(w => w.Asset)
                .SingleAsync(cancellationToken);
            var refund = tx.ReservedAmount - Reservation.Of(tx, asset).MaxFee;
            await db.Wallets.Where(w => w.Id == tx.WalletId)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Available, w => w.Available + refund),
                    cancellationToken);
        }

        var entry = TransactionEvents.Add(db, tx, to, message, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entry.Id;
    }

    /// <summary>
    /// Records an event without a status change (an RPC failure), provided the transaction is still in
    /// <paramref name="status"/>; returns its id, or null when the status moved on meanwhile.
    /// </summary>
    public static async Task<long?> NoteAsync(
        QapiDbContext db, Web3Transaction tx, string status, string message, long now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Rewriting the status with itself locks the row until commit, so no status change slips in between.
        var unchanged = await db.Web3Transactions
            .Where(t => t.Id == tx.Id && t.Status == status)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status), cancellationToken);
        if (unchanged == 0)
        {
            return null;
        }

        var entry = TransactionEvents.Add(db, tx, status, message, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entry.Id;
    }
}
