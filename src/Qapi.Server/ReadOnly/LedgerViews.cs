using Qapi.Client.Models;
using Qapi.Data.Entities;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// Ledger entries as the spec's items, for JSON and CSV alike. Mapped after loading: the type is stored by name,
/// and a cast inside the query would make the database convert the name to a number (SQLite silently gives 0,
/// PostgreSQL fails).
/// </summary>
internal static class LedgerViews
{
    public static FundLedgerItem FundItem(LedgerEntry e) =>
        new(e.TxId, e.ChainTxId, e.FundId, e.WalletId, e.Timestamp, (int)e.Type, e.Asset, e.Amount, e.Fees,
            e.NetAmount, "", e.CounterpartyName, e.Address, e.Reference, "", "",
            e.ChainTxId.Length == 0 ? [] : [e.ChainTxId]);

    public static WalletHistoryItem WalletItem(LedgerEntry e) =>
        new(e.TxId, e.ChainTxId, e.WalletId, e.Timestamp, e.Asset, e.Amount, e.Fees, e.NetAmount, e.Status,
            (int)e.Type);
}
