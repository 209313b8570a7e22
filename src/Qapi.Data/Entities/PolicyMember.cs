namespace Qapi.Data.Entities;

/// <summary>An approver named by a policy: a person (personal account id).</summary>
public sealed class PolicyMember
{
    public long Id { get; init; }
    public required string PolicyId { get; init; }
    public required string MemberId { get; init; }
    public Account? Member { get; init; }
}
