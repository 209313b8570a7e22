using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>Adds a status event to the unit of work; it is committed with the status change it records.</summary>
internal static class TransactionEvents
{
    public static TransactionEvent Add(QapiDbContext db, Web3Transaction tx, string status, string message, long now)
    {
        var entry = new TransactionEvent
        {
            TxId = tx.Id,
            AccountId = tx.AccountId,
            WalletId = tx.WalletId,
            Status = status,
            Message = message,
            Timestamp = now,
        };
        db.TransactionEvents.Add(entry);
        return entry;
    }
}
