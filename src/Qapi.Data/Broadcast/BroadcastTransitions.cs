using System.Numerics;
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
    /// <summary>
    /// The id of the event written, or null when the transaction had left <paramref name="from"/>. Moving to
    /// <c>confirmed</c> or to <c>failed</c> (a revert) with the fee its receipt shows, <paramref name="feeWei"/>,
    /// settles the fee: the part of the fee cap it did not use comes back to the wallet, and the ledger shows it.
    /// </summary>
    public static async Task<long?> MoveAsync(
        QapiDbContext db, Web3Transaction tx, string from, string to, string message, long now, BigInteger? feeWei,
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
        if (ends)
        {
            await SettleAsync(db, tx, reverted: to == TransactionStatus.Failed, feeWei, cancellationToken);
        }

        var entry = TransactionEvents.Add(db, tx, to, message, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entry.Id;
    }

    /// <summary>
    /// Gives back what the transaction took at signing and did not spend: the value of a reverted one, and the part
    /// of the fee cap its receipt shows unused. Without a fee from the receipt the fee stays taken at its cap.
    /// </summary>
    private static async Task SettleAsync(
        QapiDbContext db, Web3Transaction tx, bool reverted, BigInteger? feeWei, CancellationToken cancellationToken)
    {
        var asset = await db.Wallets.Where(w => w.Id == tx.WalletId).Select(w => w.Asset)
            .SingleAsync(cancellationToken);
        var (value, maxFee) = Reservation.Of(tx, asset);
        var fee = feeWei is { } wei ? Math.Min(Reservation.InBaseUnits(wei, asset), maxFee) : maxFee;
        var refund = (reverted ? value : 0) + (maxFee - fee);
        if (refund != 0)
        {
            await db.Wallets.Where(w => w.Id == tx.WalletId)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Available, w => w.Available + refund),
                    cancellationToken);
        }

        if (fee != maxFee)
        {
            await db.LedgerEntries.Where(e => e.TxId == tx.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Fees, fee)
                .SetProperty(e => e.NetAmount, e => e.Amount - fee), cancellationToken);
        }
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
