using Qapi.Core.Accounts;

namespace Qapi.Data.Entities;

/// <summary>A personal account's membership of an organization, with its role.</summary>
public sealed class OrganizationMember
{
    public long Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string UserId { get; init; }
    public MemberRole Role { get; set; }
    public long CreatedAt { get; init; }
    public Account? User { get; init; }
}
