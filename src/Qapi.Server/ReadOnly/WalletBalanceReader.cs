using Microsoft.EntityFrameworkCore;
using Qapi.Data;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// Reads an account's wallet balances with a compiled query. A singleton per host: a compiled query is bound to
/// the provider it first runs on, so it must not be shared between hosts of different providers.
/// </summary>
internal sealed class WalletBalanceReader
{
    private readonly Func<QapiDbContext, string, IAsyncEnumerable<WalletBalanceRow>> _query =
        EF.CompileAsyncQuery((QapiDbContext db, string accountId) => db.Wallets
            .Where(w => w.AccountId == accountId && w.Status == "ready")
            .Select(w => new WalletBalanceRow(w.Id, w.Asset, w.Available, w.PendingIn, w.PendingOut)));

    public IAsyncEnumerable<WalletBalanceRow> ReadAsync(QapiDbContext db, string accountId) => _query(db, accountId);
}
