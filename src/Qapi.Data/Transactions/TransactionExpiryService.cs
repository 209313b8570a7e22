using Microsoft.EntityFrameworkCore;
using Qapi.Core.Transactions;

namespace Qapi.Data.Transactions;

/// <summary>Ends transactions still pending after their approval window.</summary>
public sealed class TransactionExpiryService(QapiDbContext db, ITransactionNotifier notifier, TimeProvider clock)
{
    /// <summary>Expires every overdue pending transaction; returns how many it ended.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var due = await db.Web3Transactions.AsNoTracking()
            .Where(t => t.Status == TransactionStatus.Pending && t.ExpiresAt <= now)
            .OrderBy(t => t.ExpiresAt).Take(500)
            .ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var tx in due)
        {
            var id = await TransactionEnding.EndAsync(db, tx, TransactionStatus.Expired,
                "No quorum of approvals within the approval window", now, cancellationToken);
            if (id is { } eventId)
            {
                ended++;
                notifier.EventsCommitted(eventId);
            }
        }

        return ended;
    }
}
