using Qapi.Core.Accounts;

namespace Qapi.Data.Entities;

/// <summary>A personal account's membership of an organization, with its role; pending until accepted.</summary>
public sealed class OrganizationMember
{
    public long Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string UserId { get; init; }
    public MemberRole Role { get; set; }

    /// <summary>True until the invited person accepts; a pending member can do nothing in the organization.</summary>
    public bool Pending { get; set; }

    /// <summary>Who invited the member (a personal account id), when invited through the admin API.</summary>
    public string? InvitedBy { get; init; }
    public long CreatedAt { get; init; }
    public Account? User { get; init; }
}
