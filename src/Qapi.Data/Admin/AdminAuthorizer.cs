using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data.Entities;

namespace Qapi.Data.Admin;

/// <summary>
/// Decides whether the caller of an admin request may do something to an account's objects. The role is read
/// on every request, so a demoted or removed member loses their power at once. An object the caller cannot see
/// is reported as not found (404), never as forbidden, so other organizations' ids leak nothing; an object the
/// caller can see but not change is forbidden (403).
/// </summary>
public sealed class AdminAuthorizer(QapiDbContext db)
{
    /// <summary>Requires the capability on the account; returns the account.</summary>
    public async Task<Account> RequireAsync(
        AdminPrincipal caller, string accountId, AdminCapability capability, CancellationToken cancellationToken)
    {
        // A key issued by an organization acts on that organization only; a person's own key reaches every
        // organization the person is an active member of.
        var keyReaches = caller.KeyAccountId == accountId || caller.KeyAccountId == caller.PersonId;
        var account = keyReaches
            ? await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            : null;
        if (account is null)
        {
            throw NotFound(accountId);
        }

        if (account.Id == caller.PersonId)
        {
            return account;
        }

        if (account.Kind != AccountKind.Organization)
        {
            throw NotFound(accountId);
        }

        var role = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == accountId && m.UserId == caller.PersonId && !m.Pending)
            .Select(m => (MemberRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        if (role is not { } held)
        {
            throw NotFound(accountId);
        }

        return AdminRoles.Grants(held, capability)
            ? account
            : throw QapiError.Forbidden("role_forbidden",
                $"The role {held} may not do this ({capability}) in organization {accountId}.");
    }

    /// <summary>Requires the capability on the fund's account; returns the fund (tracked, for changing it).</summary>
    public async Task<Fund> RequireFundAsync(
        AdminPrincipal caller, string fundId, AdminCapability capability, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.SingleOrDefaultAsync(f => f.Id == fundId, cancellationToken)
            ?? throw QapiError.NotFound("fund_not_found", $"No fund {fundId}.");
        await RequireObjectAsync(caller, fund.AccountId, capability, "fund_not_found", $"No fund {fundId}.",
            cancellationToken);
        return fund;
    }

    /// <summary>Requires the capability on the wallet's account; returns the wallet (tracked).</summary>
    public async Task<Wallet> RequireWalletAsync(
        AdminPrincipal caller, string walletId, AdminCapability capability, CancellationToken cancellationToken)
    {
        var wallet = await db.Wallets.SingleOrDefaultAsync(w => w.Id == walletId, cancellationToken)
            ?? throw QapiError.NotFound("wallet_not_found", $"No wallet {walletId}.");
        await RequireObjectAsync(caller, wallet.AccountId, capability, "wallet_not_found",
            $"No wallet {walletId}.", cancellationToken);
        return wallet;
    }

    private async Task RequireObjectAsync(
        AdminPrincipal caller,
        string accountId,
        AdminCapability capability,
        string notFoundCode,
        string notFoundReason,
        CancellationToken cancellationToken)
    {
        try
        {
            await RequireAsync(caller, accountId, capability, cancellationToken);
        }
        catch (QapiError e) when (e.Kind == QapiErrorKind.NotFound)
        {
            // Name the object asked for, not the account behind it.
            throw QapiError.NotFound(notFoundCode, notFoundReason);
        }
    }

    private static QapiError NotFound(string accountId) =>
        QapiError.NotFound("account_not_found", $"No account {accountId}.");
}
