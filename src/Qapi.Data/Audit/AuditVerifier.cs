using Microsoft.EntityFrameworkCore;
using Qapi.Data.Entities;

namespace Qapi.Data.Audit;

/// <summary>
/// Walks the audit chain and names the first entry that does not hold. It runs against a live server: every
/// append commits its entry together with the head row, and the walk is bounded by the head as first read, so an
/// entry committed while the walk runs is left for the next verification instead of being taken for tampering.
/// </summary>
public sealed class AuditVerifier(QapiDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(cancellationToken);
        var previous = AuditChain.GenesisHash;
        long expectedId = 1;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Id <= head.Sequence)
                           .OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Id != expectedId)
            {
                return AuditVerification.Broken(expectedId, $"entry {expectedId} is missing");
            }

            if (entry.PreviousHash != previous)
            {
                return AuditVerification.Broken(entry.Id, $"entry {entry.Id} does not follow entry {entry.Id - 1}");
            }

            if (AuditChain.HashOf(entry) != entry.Hash)
            {
                return AuditVerification.Broken(entry.Id, $"entry {entry.Id} was altered after it was written");
            }

            previous = entry.Hash;
            expectedId++;
        }

        var count = expectedId - 1;
        if (count < head.Sequence)
        {
            return AuditVerification.Broken(count + 1,
                $"entry {count + 1} is missing: the chain ends at entry {count} but its head records "
                + $"{head.Sequence}, so entries were removed");
        }

        if (head.Hash != previous)
        {
            return AuditVerification.Broken(count,
                $"entry {count} is not the entry that its head records: it was replaced");
        }

        return await EntryBeyondHeadAsync(cancellationToken) is { } beyond
            ? AuditVerification.Broken(beyond,
                $"entry {beyond} lies beyond the chain's head: no append wrote it, so it was inserted")
            : AuditVerification.Intact(count);
    }

    /// <summary>
    /// The highest entry's id when it lies above the head, which no append can have written, or null. That id is
    /// read before the head: an append commits its entry and the head together, so a head read after an entry
    /// was seen records at least that entry.
    /// </summary>
    private async Task<long?> EntryBeyondHeadAsync(CancellationToken cancellationToken)
    {
        var highest = await db.AuditEntries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var head = await ReadHeadAsync(cancellationToken);
        return highest > head.Sequence ? highest : null;
    }

    private Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken) =>
        db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
}
