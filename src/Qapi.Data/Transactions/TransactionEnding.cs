using Microsoft.EntityFrameworkCore;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Ends a pending transaction (rejected, expired, cancelled) and releases its reservation, at most once: the
/// status changes only where it is still pending.
/// </summary>
internal static class TransactionEnding
{
    /// <summary>The id of the event written, or null when the transaction was no longer pending.</summary>
    public static async Task<long?> EndAsync(
        QapiDbContext db, Web3Transaction tx, string status, string message, long now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await EndInTransactionAsync(db, tx, status, message, now, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entry.Id;
    }

    /// <summary>
    /// Ends the transaction in the caller's open database transaction; the event is added to the unit of work, for
    /// the caller to save and commit. Null when the transaction was no longer pending.
    /// </summary>
    public static async Task<TransactionEvent?> EndInTransactionAsync(
        QapiDbContext db, Web3Transaction tx, string status, string message, long now,
        CancellationToken cancellationToken)
    {
        var changed = await db.Web3Transactions
            .Where(t => t.Id == tx.Id && t.Status == TransactionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.EndedAt, now),
                cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await db.Wallets.Where(w => w.Id == tx.WalletId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.PendingOut, w => w.PendingOut - tx.ReservedAmount),
                cancellationToken);
        return TransactionEvents.Add(db, tx, status, message, now);
    }
}
