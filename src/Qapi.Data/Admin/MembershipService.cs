using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Admin;

/// <summary>
/// An organization's members: invitations (pending until the invited person accepts), roles and removals. An
/// organization always keeps an active administrator, and a member a policy names stays until the policy no
/// longer does. Each change is one transaction with one audit entry.
/// </summary>
public sealed class MembershipService(
    QapiDbContext db, AuditTrail audit, StoreWriteGate writeGate, TimeProvider clock)
{
    /// <summary>Every member, pending ones included, in the order they were added.</summary>
    public async Task<IReadOnlyList<OrganizationMember>> ListAsync(
        string organizationId, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.AsNoTracking().Include(m => m.User)
            .Where(m => m.OrganizationId == organizationId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Invites a person, by username, to the organization with a role; pending until they accept.</summary>
    public async Task<OrganizationMember> InviteAsync(
        Account organization, string? username, MemberRole role, string invitedBy,
        CancellationToken cancellationToken)
    {
        RequireOrganization(organization);
        var person = await PersonByUsernameAsync(username, cancellationToken);
        if (await db.OrganizationMembers.AnyAsync(
                m => m.OrganizationId == organization.Id && m.UserId == person.Id, cancellationToken))
        {
            throw QapiError.Conflict("already_member",
                $"{person.Username} is already a member of the organization, or invited to it.");
        }

        var member = new OrganizationMember
        {
            OrganizationId = organization.Id,
            UserId = person.Id,
            Role = role,
            Pending = true,
            InvitedBy = invitedBy,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
            User = person,
        };
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OrganizationMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("member.invite", organization.Id, person.Id,
            new { role = MemberRoleNames.Format(role), pending = true }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member;
    }

    /// <summary>Gives a member (active or invited) another role.</summary>
    public async Task<OrganizationMember> ChangeRoleAsync(
        string organizationId, string userId, MemberRole role, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var member = await FindAsync(organizationId, userId, cancellationToken);
        if (member.Role == role)
        {
            return member;
        }

        if (role != MemberRole.Administrator)
        {
            await RequireAnotherAdministratorAsync(member, cancellationToken);
        }

        var from = member.Role;
        member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("member.role", organizationId, userId,
            new { from = MemberRoleNames.Format(from), to = MemberRoleNames.Format(role) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return member;
    }

    /// <summary>
    /// Removes a member or withdraws an invitation. The organization's keys the member holds are revoked with it,
    /// so a removed member keeps no way in, not even through <c>/qapi/v1</c>.
    /// </summary>
    public async Task RemoveAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var member = await FindAsync(organizationId, userId, cancellationToken);
        await RequireAnotherAdministratorAsync(member, cancellationToken);
        await PolicyNames.RequireNotNamedAsync(db, organizationId, userId, cancellationToken);

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var keys = await db.ApiKeys
            .Where(k => k.AccountId == organizationId && k.HolderId == userId && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        keys.ForEach(k => k.RevokedAt = now);
        db.OrganizationMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("member.remove", organizationId, userId, new
        {
            role = MemberRoleNames.Format(member.Role),
            pending = member.Pending,
            revokedKeys = keys.Select(k => k.Id).ToList(),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<OrganizationMember> FindAsync(
        string organizationId, string userId, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken)
        ?? throw QapiError.NotFound("member_not_found", $"No member {userId} in organization {organizationId}.");

    private async Task RequireAnotherAdministratorAsync(
        OrganizationMember member, CancellationToken cancellationToken)
    {
        if (member.Pending || member.Role != MemberRole.Administrator)
        {
            return;
        }

        var others = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == member.OrganizationId
            && m.UserId != member.UserId && m.Role == MemberRole.Administrator && !m.Pending, cancellationToken);
        if (others == 0)
        {
            throw QapiError.Conflict("last_administrator",
                "This is the organization's last active administrator; make another member administrator first.");
        }
    }

    private async Task<Account> PersonByUsernameAsync(string? username, CancellationToken cancellationToken)
    {
        var name = AccountFields.Required(username, "username");
        return await db.Accounts
            .SingleOrDefaultAsync(a => a.Username == name && a.Kind == AccountKind.Personal, cancellationToken)
            ?? throw QapiError.NotFound("user_not_found", $"No person with the username '{name}'.");
    }

    private static void RequireOrganization(Account account)
    {
        if (account.Kind != AccountKind.Organization)
        {
            throw QapiError.Invalid("not_organization",
                "Members belong to organizations; a personal account has trusted parties instead.");
        }
    }
}
