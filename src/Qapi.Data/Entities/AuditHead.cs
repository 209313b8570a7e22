namespace Qapi.Data.Entities;

/// <summary>
/// The chain's single head row: the last sequence number and hash. Appending locks it, so concurrent appends on
/// several nodes queue up instead of forking the chain, and a deleted tail entry shows against it.
/// </summary>
public sealed class AuditHead
{
    public int Id { get; init; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}
