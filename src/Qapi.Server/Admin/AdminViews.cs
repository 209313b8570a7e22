using Qapi.Client.Models.Admin;
using Qapi.Core.Accounts;
using Qapi.Data.Admin;
using Qapi.Data.Entities;

namespace Qapi.Server.Admin;

/// <summary>Maps stored accounts, members and invitations to the admin API's wire models.</summary>
internal static class AdminViews
{
    public static AccountProfile Profile(Account account) => account.Kind == AccountKind.Personal
        ? new AccountProfile(account.Id, "personal", account.Name, account.Email, account.CreatedAt,
            Username: account.Username ?? "", FirstName: account.FirstName ?? "", LastName: account.LastName ?? "",
            DefaultFiat: account.DefaultFiat, TestnetAssets: account.TestnetAssets)
        : new AccountProfile(account.Id, account.Kind == AccountKind.Organization ? "organization" : "signing_agent",
            account.Name, account.Email, account.CreatedAt, Domain: account.Domain ?? "",
            Address: account.Address ?? "");

    public static MemberInfo Member(OrganizationMember member) => new(member.UserId, member.User?.Username ?? "",
        member.User?.Name ?? "", member.User?.Email ?? "", MemberRoleNames.Format(member.Role), member.Pending,
        member.InvitedBy, member.CreatedAt);

    public static InvitationInfo Invitation(Invitation invitation) => new(invitation.AccountId,
        invitation.AccountName, invitation.Kind == InvitationKind.Member ? "member" : "trusted_party",
        invitation.Role is { } role ? MemberRoleNames.Format(role) : null, invitation.InvitedBy,
        invitation.CreatedAt);

    public static AccountTrustedPartyInfo TrustedParty(TrustedParty party) => new(party.PartyId,
        party.Party?.Username ?? "", party.Party?.Name ?? "", party.Party?.Email ?? "", party.Pending,
        party.CreatedAt);

    /// <summary>Parses a role's wire name, or refuses the request naming the allowed ones.</summary>
    public static MemberRole Role(string? name) => MemberRoleNames.TryParse(name, out var role)
        ? role
        : throw Core.Errors.QapiError.Invalid("invalid_role", $"The role must be one of: {MemberRoleNames.All}.");
}
