using Microsoft.EntityFrameworkCore;

namespace Qapi.Data.Audit;

/// <summary>Walks the audit chain and names the first entry that does not hold.</summary>
public sealed class AuditVerifier(QapiDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
        var previous = AuditChain.GenesisHash;
        long expectedId = 1;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
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
        if (head.Sequence != count || head.Hash != previous)
        {
            return AuditVerification.Broken(count + 1,
                $"the chain ends at entry {count} but its head records {head.Sequence}: entries were removed");
        }

        return AuditVerification.Intact(count);
    }
}
