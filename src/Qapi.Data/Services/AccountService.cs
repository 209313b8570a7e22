using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Creates accounts with their master seeds, organization members and trusted parties.</summary>
public sealed class AccountService(QapiDbContext db, SeedVault seeds, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Creates a personal account; the mnemonic is returned once and stored only encrypted.</summary>
    public Task<(Account Account, string Mnemonic)> CreatePersonalAsync(
        string username, string firstName, string lastName, string email, CancellationToken cancellationToken) =>
        CreatePersonalAsync(QapiId.New(), username, firstName, lastName, email, cancellationToken);

    /// <summary>
    /// Creates a personal account under an id chosen by the caller (sign-up names the new person as the actor of
    /// its own audit entries); joins the caller's transaction when one is open.
    /// </summary>
    internal async Task<(Account Account, string Mnemonic)> CreatePersonalAsync(
        string id,
        string username,
        string firstName,
        string lastName,
        string email,
        CancellationToken cancellationToken)
    {
        Require(username, "username");
        Require(email, "email");
        if (await db.Accounts.AnyAsync(a => a.Username == username, cancellationToken))
        {
            throw QapiError.Conflict("username_taken", $"The username '{username}' is taken.");
        }

        var mnemonic = EvmKeyDerivation.NewMnemonic();
        var account = new Account
        {
            Id = id,
            Kind = AccountKind.Personal,
            Username = username,
            FirstName = firstName,
            LastName = lastName,
            Name = $"{firstName} {lastName}".Trim(),
            Email = email,
            EncryptedSeed = seeds.Seal(id, mnemonic),
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await SaveAuditedAsync(account, "account.create", account.Id, account.Id,
            new { kind = "personal", username, email }, cancellationToken);
        return (account, mnemonic);
    }

    /// <summary>Creates an organization; the mnemonic is returned once and stored only encrypted.</summary>
    public Task<(Account Account, string Mnemonic)> CreateOrganizationAsync(
        string name, string email, string domain, string address, CancellationToken cancellationToken) =>
        CreateOrganizationAsync(name, email, domain, address, administratorId: null, cancellationToken);

    /// <summary>
    /// Creates an organization whose first active administrator is the given person, when one is given: the
    /// organization, the membership and one audit entry commit together.
    /// </summary>
    public async Task<(Account Account, string Mnemonic)> CreateOrganizationAsync(
        string name,
        string email,
        string domain,
        string address,
        string? administratorId,
        CancellationToken cancellationToken)
    {
        Require(name, "name");
        Require(email, "email");
        var id = QapiId.New();
        var mnemonic = EvmKeyDerivation.NewMnemonic();
        var account = new Account
        {
            Id = id,
            Kind = AccountKind.Organization,
            Name = name,
            Email = email,
            Domain = domain,
            Address = address,
            EncryptedSeed = seeds.Seal(id, mnemonic),
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (administratorId is null)
        {
            await SaveAuditedAsync(account, "account.create", account.Id, account.Id,
                new { kind = "organization", name, email, domain }, cancellationToken);
            return (account, mnemonic);
        }

        await RequireAccountAsync(administratorId, AccountKind.Personal, cancellationToken);
        var administrator = new OrganizationMember
        {
            OrganizationId = id,
            UserId = administratorId,
            Role = MemberRole.Administrator,
            CreatedAt = account.CreatedAt,
        };
        await SaveAuditedAsync([account, administrator], "account.create", account.Id, account.Id,
            new { kind = "organization", name, email, domain, administrator = administratorId }, cancellationToken);
        return (account, mnemonic);
    }

    /// <summary>Adds a personal account to an organization with a role.</summary>
    public async Task<OrganizationMember> AddMemberAsync(
        string organizationId, string userId, MemberRole role, CancellationToken cancellationToken)
    {
        await RequireAccountAsync(organizationId, AccountKind.Organization, cancellationToken);
        await RequireAccountAsync(userId, AccountKind.Personal, cancellationToken);
        var member = new OrganizationMember
        {
            OrganizationId = organizationId,
            UserId = userId,
            Role = role,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await SaveAuditedAsync(member, "member.add", organizationId, userId, new { role = role.ToString() },
            cancellationToken);
        return member;
    }

    /// <summary>Adds a trusted party (custodian) to a personal account, pending until accepted.</summary>
    public async Task<TrustedParty> AddTrustedPartyAsync(
        string accountId, string partyId, bool pending, CancellationToken cancellationToken)
    {
        await RequireAccountAsync(accountId, AccountKind.Personal, cancellationToken);
        await RequireAccountAsync(partyId, AccountKind.Personal, cancellationToken);
        if (accountId == partyId)
        {
            throw QapiError.Invalid("trusted_party_is_owner", "An account cannot be its own trusted party.");
        }

        var party = new TrustedParty
        {
            AccountId = accountId,
            PartyId = partyId,
            Pending = pending,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await SaveAuditedAsync(party, "trusted_party.add", accountId, partyId, new { pending }, cancellationToken);
        return party;
    }

    private Task SaveAuditedAsync(
        object entity, string action, string accountId, string objectId, object detail,
        CancellationToken cancellationToken) =>
        SaveAuditedAsync([entity], action, accountId, objectId, detail, cancellationToken);

    private async Task SaveAuditedAsync(
        IReadOnlyList<object> entities, string action, string accountId, string objectId, object detail,
        CancellationToken cancellationToken)
    {
        await using var transaction = await StoreTransaction.BeginOrJoinAsync(db, cancellationToken);
        db.AddRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(action, accountId, objectId, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RequireAccountAsync(string id, AccountKind kind, CancellationToken cancellationToken)
    {
        var found = await db.Accounts.AnyAsync(a => a.Id == id && a.Kind == kind, cancellationToken);
        if (!found)
        {
            throw QapiError.NotFound("account_not_found", $"No {kind.ToString().ToLowerInvariant()} account {id}.");
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw QapiError.Invalid("field_required", $"The field '{field}' is required.");
        }
    }
}
