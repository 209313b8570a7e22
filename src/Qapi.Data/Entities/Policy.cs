using Qapi.Core.Accounts;

namespace Qapi.Data.Entities;

/// <summary>A custody policy: a threshold of its members must approve.</summary>
public sealed class Policy
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public PolicyKind Kind { get; init; }
    public int Threshold { get; set; }
    public List<PolicyMember> Members { get; init; } = [];
    public long CreatedAt { get; init; }
}
