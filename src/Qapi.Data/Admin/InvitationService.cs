using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Data.Audit;

namespace Qapi.Data.Admin;

/// <summary>
/// A person's own invitations: lists, accepts and declines them. Each operation takes the person's id, never an
/// invitation id, so nobody can answer for someone else. A declined invitation is deleted, so it vanishes from
/// member lists and <c>/trustedparties</c>.
/// </summary>
public sealed class InvitationService(QapiDbContext db, AuditTrail audit, StoreWriteGate writeGate)
{
    /// <summary>The invitations waiting for the person, oldest first.</summary>
    public async Task<IReadOnlyList<Invitation>> ForPersonAsync(
        string personId, CancellationToken cancellationToken)
    {
        var members = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == personId && m.Pending)
            .Join(db.Accounts, m => m.OrganizationId, a => a.Id, (m, a) => new Invitation(a.Id, a.Name,
                InvitationKind.Member, m.Role, m.InvitedBy, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var parties = await db.TrustedParties.AsNoTracking()
            .Where(t => t.PartyId == personId && t.Pending)
            .Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => new Invitation(a.Id, a.Name,
                InvitationKind.TrustedParty, null, a.Id, t.CreatedAt))
            .ToListAsync(cancellationToken);
        return members.Concat(parties).OrderBy(i => i.CreatedAt).ThenBy(i => i.AccountId).ToList();
    }

    /// <summary>Accepts the person's invitation from the account: the membership or custody becomes active.</summary>
    public async Task<Invitation> AcceptAsync(string personId, string accountId, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await FindAsync(personId, accountId, cancellationToken);
        var member = await db.OrganizationMembers.SingleOrDefaultAsync(
            m => m.OrganizationId == accountId && m.UserId == personId && m.Pending, cancellationToken);
        if (member is not null)
        {
            member.Pending = false;
        }
        else
        {
            var party = await db.TrustedParties.SingleAsync(
                t => t.AccountId == accountId && t.PartyId == personId && t.Pending, cancellationToken);
            party.Pending = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(ActionOf(invitation, "accept"), accountId, personId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitation;
    }

    /// <summary>Declines the person's invitation from the account; the invitation is deleted.</summary>
    public async Task DeclineAsync(string personId, string accountId, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await FindAsync(personId, accountId, cancellationToken);
        var deleted = invitation.Kind == InvitationKind.Member
            ? await db.OrganizationMembers
                .Where(m => m.OrganizationId == accountId && m.UserId == personId && m.Pending)
                .ExecuteDeleteAsync(cancellationToken)
            : await db.TrustedParties
                .Where(t => t.AccountId == accountId && t.PartyId == personId && t.Pending)
                .ExecuteDeleteAsync(cancellationToken);
        if (deleted != 1)
        {
            throw new InvalidOperationException("The invitation changed while it was being declined.");
        }

        await audit.AppendAsync(ActionOf(invitation, "decline"), accountId, personId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Invitation> FindAsync(string personId, string accountId, CancellationToken cancellationToken)
    {
        var waiting = await ForPersonAsync(personId, cancellationToken);
        return waiting.FirstOrDefault(i => i.AccountId == accountId)
            ?? throw QapiError.NotFound("invitation_not_found",
                $"No invitation from account {accountId} waits for you.");
    }

    private static string ActionOf(Invitation invitation, string verb) =>
        (invitation.Kind == InvitationKind.Member ? "member." : "trusted_party.") + verb;
}
