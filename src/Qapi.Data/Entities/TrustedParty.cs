namespace Qapi.Data.Entities;

/// <summary>A person added as a custodian of a personal account; pending until they accept.</summary>
public sealed class TrustedParty
{
    public long Id { get; init; }
    public required string AccountId { get; init; }
    public required string PartyId { get; init; }
    public bool Pending { get; set; } = true;
    public long CreatedAt { get; init; }
    public Account? Party { get; init; }
}
