namespace Qapi.Data.Audit;

/// <summary>The result of walking the chain: intact with its length, or broken at an entry, with why.</summary>
public sealed record AuditVerification(bool IsIntact, long Entries, long? BrokenAt, string Reason)
{
    public static AuditVerification Intact(long entries) => new(true, entries, null, "");

    public static AuditVerification Broken(long at, string reason) => new(false, 0, at, reason);
}
