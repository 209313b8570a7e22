using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// Finds a fund or wallet for a caller: another account's object is 404 (its existence is not revealed), one
/// outside a wallet-scoped key's wallets is 403.
/// </summary>
internal static class FundAccess
{
    public static async Task<Fund> FundAsync(
        QapiDbContext db, ApiCaller caller, string fundId, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking()
            .Include(f => f.Wallets)
            .SingleOrDefaultAsync(f => f.Id == fundId && f.AccountId == caller.AccountId, cancellationToken)
            ?? throw QapiError.NotFound("fund_not_found", $"No fund {fundId} in this account.");
        if (caller.WalletScope is not null && !fund.Wallets.Any(w => caller.Covers(w.Id)))
        {
            throw QapiError.Forbidden("outside_key_scope", "The API key's wallet scope does not cover this fund.");
        }

        return fund;
    }

    public static async Task<Wallet> WalletAsync(
        QapiDbContext db, ApiCaller caller, string walletId, CancellationToken cancellationToken)
    {
        var wallet = await db.Wallets.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Id == walletId && w.AccountId == caller.AccountId, cancellationToken)
            ?? throw QapiError.NotFound("wallet_not_found", $"No wallet {walletId} in this account.");
        return caller.Covers(wallet.Id)
            ? wallet
            : throw QapiError.Forbidden("outside_key_scope", "The API key's wallet scope does not cover this wallet.");
    }
}
