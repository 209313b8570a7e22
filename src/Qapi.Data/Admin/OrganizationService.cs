using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Data.Admin;

/// <summary>A person founds an organization and becomes its first active administrator.</summary>
public sealed class OrganizationService(QapiDbContext db, AccountService accounts, StoreWriteGate writeGate)
{
    /// <summary>Creates the organization; its mnemonic is returned this once.</summary>
    public async Task<(Account Organization, string Mnemonic)> FoundAsync(
        string founderId, string? name, string? email, string? domain, string? address,
        CancellationToken cancellationToken)
    {
        var validName = AccountFields.Name(name, "name");
        var validEmail = AccountFields.Email(email);
        var validDomain = AccountFields.Domain(domain);
        var validAddress = AccountFields.Optional(address, "address", AccountFields.MaxAddressLength);

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        return await accounts.CreateOrganizationAsync(validName, validEmail, validDomain, validAddress, founderId,
            cancellationToken);
    }
}
