using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Admin;

/// <summary>Changes an account's profile: every field is checked first; one transaction, one audit entry.</summary>
public sealed class AccountProfileService(QapiDbContext db, AuditTrail audit)
{
    public async Task<Account> UpdateAsync(
        string accountId, AccountProfileChange change, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw QapiError.NotFound("account_not_found", $"No account {accountId}.");
        if (account.Kind == AccountKind.Personal)
        {
            RequireAbsent(change.Name, "name", "personal account");
            RequireAbsent(change.Domain, "domain", "personal account");
            RequireAbsent(change.Address, "address", "personal account");
            ApplyPersonal(account, change);
        }
        else if (account.Kind == AccountKind.Organization)
        {
            RequireAbsent(change.FirstName, "firstName", "organization");
            RequireAbsent(change.LastName, "lastName", "organization");
            RequireAbsent(change.DefaultFiat, "defaultFiat", "organization");
            RequireAbsent(change.TestnetAssets, "testnetAssets", "organization");
            ApplyOrganization(account, change);
        }
        else
        {
            throw QapiError.Invalid("not_editable", "A signing agent has no profile to change.");
        }

        if (change.Email is not null)
        {
            account.Email = AccountFields.Email(change.Email);
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.Entry(account).Properties.Where(p => p.IsModified)
            .Select(p => char.ToLowerInvariant(p.Metadata.Name[0]) + p.Metadata.Name[1..]).ToList();
        if (changed.Count == 0)
        {
            return account;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("account.update", account.Id, account.Id, new { changed }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    private static void ApplyPersonal(Account account, AccountProfileChange change)
    {
        var first = change.FirstName is null ? account.FirstName : AccountFields.Name(change.FirstName, "firstName");
        var last = change.LastName is null ? account.LastName : AccountFields.Name(change.LastName, "lastName");
        var fiat = change.DefaultFiat is null ? account.DefaultFiat : AccountFields.Fiat(change.DefaultFiat);
        // The change tracker compares with the loaded values, so assigning an unchanged value changes nothing.
        account.FirstName = first;
        account.LastName = last;
        account.Name = $"{first} {last}".Trim();
        account.DefaultFiat = fiat;
        account.TestnetAssets = change.TestnetAssets ?? account.TestnetAssets;
    }

    private static void ApplyOrganization(Account account, AccountProfileChange change)
    {
        var name = change.Name is null ? account.Name : AccountFields.Name(change.Name, "name");
        var domain = change.Domain is null ? account.Domain : AccountFields.Domain(change.Domain);
        var address = change.Address is null ? account.Address
            : AccountFields.Optional(change.Address, "address", AccountFields.MaxAddressLength);
        account.Name = name;
        account.Domain = domain;
        account.Address = address;
    }

    private static void RequireAbsent(object? value, string field, string kind)
    {
        if (value is not null)
        {
            throw QapiError.Invalid("field_not_applicable", $"A {kind} has no field '{field}'.");
        }
    }
}
