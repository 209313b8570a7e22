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
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        VerifyAsync(null, cancellationToken);

    /// <summary>Verifies the chain and, given an <paramref name="anchor"/>, that it still holds that entry.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditAnchor? anchor, CancellationToken cancellationToken)
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

            if (entry.Id == anchor?.Id && !string.Equals(entry.Hash, anchor.Hash, StringComparison.OrdinalIgnoreCase))
            {
                return AuditVerification.Broken(entry.Id,
                    $"entry {entry.Id} is not the entry recorded as {anchor}: the chain was rewritten up to it");
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

        if (anchor is not null && anchor.Id > count)
        {
            return AuditVerification.Broken(anchor.Id,
                $"entry {anchor.Id}, recorded as {anchor}, is not in the chain, which ends at entry {count}");
        }

        return await EntryBeyondHeadAsync(cancellationToken) is { } beyond
            ? AuditVerification.Broken(beyond,
                $"entry {beyond} lies beyond the chain's head: no append wrote it, so it was inserted")
            : AuditVerification.Intact(count, count == 0 ? null : new AuditAnchor(count, previous));
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
