using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Data.Entities;

namespace Qapi.Data.Audit;

/// <summary>
/// Appends to the audit chain inside the caller's database transaction, so an entry exists exactly when its
/// change was committed.
/// </summary>
public sealed class AuditTrail(QapiDbContext db, AuditActor actor, TimeProvider clock)
{
    /// <summary>Appends an entry; the caller must hold an open transaction and commit it with the change.</summary>
    public async Task AppendAsync(
        string action, string accountId, string objectId, object? detail, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit entry is written in the transaction of its change.");
        }

        // The UPDATE takes the head row's lock until commit; RETURNING gives the new sequence and the old hash.
        var heads = await db.Database.SqlQuery<AuditHeadRow>(
                $"""
                UPDATE "AuditHeads" SET "Sequence" = "Sequence" + 1 WHERE "Id" = 1
                RETURNING "Sequence", "Hash"
                """)
            .ToListAsync(cancellationToken);
        var head = heads.Single();

        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var detailJson = JsonSerializer.Serialize(detail ?? new { });
        var hash = AuditChain.HashOf(head.Hash, head.Sequence, timestamp, actor.Name, action, accountId, objectId,
            detailJson);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = head.Sequence,
            Timestamp = timestamp,
            Actor = actor.Name,
            Action = action,
            AccountId = accountId,
            ObjectId = objectId,
            Detail = detailJson,
            PreviousHash = head.Hash,
            Hash = hash,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditHeads" SET "Hash" = {hash} WHERE "Id" = 1""",
            cancellationToken);
    }

    private sealed record AuditHeadRow(long Sequence, string Hash);
}
