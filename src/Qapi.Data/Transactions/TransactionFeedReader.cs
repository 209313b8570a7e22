using System.Data;
using Microsoft.EntityFrameworkCore;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Reads the status events an API key may see (its account's, and only its wallets' for a wallet-scoped key) past
/// a cursor, in id order, never skipping an event whose id commits after a higher one.
/// </summary>
public sealed class TransactionFeedReader(QapiDbContext db)
{
    private static readonly TimeSpan MaxSettlePause = TimeSpan.FromMilliseconds(200);

    /// <summary>The highest event id committed now: where a feed without a resume point starts.</summary>
    public async Task<long> PositionAsync(CancellationToken cancellationToken) =>
        await db.TransactionEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>About <paramref name="max"/> events with an id above <paramref name="after"/>, in id order.</summary>
    public async Task<IReadOnlyList<TransactionFeedItem>> ReadAsync(
        TransactionRequester reader, long after, int max, CancellationToken cancellationToken)
    {
        var events = db.Database.IsNpgsql()
            ? await SettledAsync(reader, after, max, cancellationToken)
            : await Visible(reader, after).Take(max).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var last = events[^1].Id;
        var txIds = events.Select(e => e.TxId).Distinct().ToList();
        var transactions = await db.Web3Transactions.AsNoTracking().Where(t => txIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var histories = (await db.TransactionEvents.AsNoTracking()
                .Where(e => txIds.Contains(e.TxId) && e.Id <= last).OrderBy(e => e.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.TxId);
        return events.Select(e => new TransactionFeedItem(e, transactions[e.TxId],
            histories[e.TxId].TakeWhile(h => h.Id <= e.Id).ToList())).ToList();
    }

    // PostgreSQL hands out an identity value when a row is inserted but shows the row only at commit, so ids can
    // become visible out of order: with 41 uncommitted, 42 can already be read, and a feed that moved its cursor
    // to 42 would never send 41. (SQLite has one writer at a time: there a visible id means every lower id is
    // committed or rolled back, so its plain read is safe.) Here the batch is read together with a snapshot of the
    // transactions in progress (one repeatable-read transaction). If the ids up to the batch's last one are
    // contiguous in the whole table, nothing below it can still appear. Otherwise a missing id belongs either to
    // a transaction rolled back (a permanent gap) or to one still in progress at the snapshot: it took its id
    // before the last one committed, and it holds a transaction id in the snapshot because every event insert
    // follows the write that changed the transaction's status. So we wait until each transaction of the snapshot
    // has ended and read the same range again; it now holds every event that will ever have an id in it. The
    // wait happens only when there is a gap, and lasts as long as the writers' short transactions.
    private async Task<List<TransactionEvent>> SettledAsync(
        TransactionRequester reader, long after, int max, CancellationToken cancellationToken)
    {
        string snapshot;
        long last;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead,
                         cancellationToken))
        {
            snapshot = (await db.Database.SqlQueryRaw<string>("""SELECT pg_current_snapshot()::text AS "Value" """)
                .ToListAsync(cancellationToken))[0];
            var events = await Visible(reader, after).Take(max).ToListAsync(cancellationToken);
            if (events.Count == 0)
            {
                return events;
            }

            last = events[^1].Id;
            var present = await db.TransactionEvents.LongCountAsync(e => e.Id > after && e.Id <= last,
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (present == last - after)
            {
                return events;
            }
        }

        await WaitForTransactionsOfAsync(snapshot, cancellationToken);
        return await Visible(reader, after).Where(e => e.Id <= last).ToListAsync(cancellationToken);
    }

    private async Task WaitForTransactionsOfAsync(string snapshot, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var running = await db.Database.SqlQuery<int>(
                    $"""
                    SELECT count(*)::int AS "Value" FROM pg_snapshot_xip({snapshot}::pg_snapshot) AS x
                    WHERE pg_xact_status(x) = 'in progress'
                    """)
                .ToListAsync(cancellationToken);
            if (running[0] == 0)
            {
                return;
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxSettlePause.Ticks));
        }
    }

    private IQueryable<TransactionEvent> Visible(TransactionRequester reader, long after)
    {
        var query = db.TransactionEvents.AsNoTracking().Where(e => e.AccountId == reader.AccountId && e.Id > after);
        if (reader.WalletScope is { } scope)
        {
            var wallets = scope.ToList();
            query = query.Where(e => wallets.Contains(e.WalletId));
        }

        return query.OrderBy(e => e.Id);
    }
}
