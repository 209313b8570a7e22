using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Admin;

/// <summary>
/// A personal account's trusted parties (custodians), added by its owner as pending invitations that the invited
/// person accepts, and removed by the owner.
/// </summary>
public sealed class TrustedPartyService(
    QapiDbContext db, AuditTrail audit, StoreWriteGate writeGate, TimeProvider clock)
{
    /// <summary>The personal account's trusted parties, pending and active, oldest first.</summary>
    public async Task<IReadOnlyList<TrustedParty>> ListAsync(Account account, CancellationToken cancellationToken)
    {
        RequirePersonal(account);
        return await db.TrustedParties.AsNoTracking().Include(t => t.Party)
            .Where(t => t.AccountId == account.Id)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Invites a person, by username, to be a trusted party of the personal account.</summary>
    public async Task<TrustedParty> InviteAsync(
        Account account, string? username, CancellationToken cancellationToken)
    {
        RequirePersonal(account);
        var name = AccountFields.Required(username, "username");
        var person = await db.Accounts
            .SingleOrDefaultAsync(a => a.Username == name && a.Kind == AccountKind.Personal, cancellationToken)
            ?? throw QapiError.NotFound("user_not_found", $"No person with the username '{name}'.");
        if (person.Id == account.Id)
        {
            throw QapiError.Invalid("trusted_party_is_owner", "An account cannot be its own trusted party.");
        }

        if (await db.TrustedParties.AnyAsync(t => t.AccountId == account.Id && t.PartyId == person.Id,
                cancellationToken))
        {
            throw QapiError.Conflict("already_trusted_party",
                $"{name} is already a trusted party of the account, or invited to be one.");
        }

        var party = new TrustedParty
        {
            AccountId = account.Id,
            PartyId = person.Id,
            Pending = true,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
            Party = person,
        };
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TrustedParties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("trusted_party.invite", account.Id, person.Id, new { pending = true },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return party;
    }

    /// <summary>Removes a trusted party or withdraws the invitation; refused while a policy names them.</summary>
    public async Task RemoveAsync(Account account, string partyId, CancellationToken cancellationToken)
    {
        RequirePersonal(account);
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var party = await db.TrustedParties
            .SingleOrDefaultAsync(t => t.AccountId == account.Id && t.PartyId == partyId, cancellationToken)
            ?? throw QapiError.NotFound("trusted_party_not_found", $"No trusted party {partyId} of this account.");
        await PolicyNames.RequireNotNamedAsync(db, account.Id, partyId, cancellationToken);
        db.TrustedParties.Remove(party);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("trusted_party.remove", account.Id, partyId, new { pending = party.Pending },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void RequirePersonal(Account account)
    {
        if (account.Kind != AccountKind.Personal)
        {
            throw QapiError.Invalid("not_personal_account",
                "Trusted parties belong to personal accounts; an organization has members instead.");
        }
    }
}
