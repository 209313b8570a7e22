namespace Qapi.Data.Audit;

/// <summary>
/// The result of walking the chain: intact with its length and its last entry as an anchor to write down, or
/// broken at an entry, with why.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long Entries, long? BrokenAt, string Reason, AuditAnchor? Last)
{
    public static AuditVerification Intact(long entries, AuditAnchor? last) => new(true, entries, null, "", last);

    public static AuditVerification Broken(long at, string reason) => new(false, 0, at, reason, null);
}
