using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>Finds a transaction for an API key: another account's is 404, one outside the key's wallets 403.</summary>
public static class TransactionAccess
{
    public static async Task<Web3Transaction> FindAsync(
        QapiDbContext db, TransactionRequester requester, string txId, CancellationToken cancellationToken)
    {
        var tx = await db.Web3Transactions.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == txId && t.AccountId == requester.AccountId, cancellationToken)
            ?? throw QapiError.NotFound("transaction_not_found", $"No transaction {txId} in this account.");
        return requester.Covers(tx.WalletId)
            ? tx
            : throw QapiError.Forbidden("outside_key_scope",
                "The API key's wallet scope does not cover this transaction's wallet.");
    }
}
