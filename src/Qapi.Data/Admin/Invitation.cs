using Qapi.Core.Accounts;

namespace Qapi.Data.Admin;

/// <summary>
/// An invitation waiting for a person: to an organization as a member with a role, or to a personal account as
/// a trusted party (no role).
/// </summary>
public sealed record Invitation(
    string AccountId, string AccountName, InvitationKind Kind, MemberRole? Role, string? InvitedBy, long CreatedAt);
