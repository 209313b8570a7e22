using Qapi.Client.Models;
using Qapi.Core.Csv;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// The CSV columns of fund ledgers and wallet histories: the JSON items' fields, named as in JSON, in the same
/// order. Amounts, fees and times are numbers; everything else is text (see docs/csv.md).
/// </summary>
internal static class LedgerCsv
{
    public static readonly string[] FundLedgerHeader =
    [
        "txID", "chainTxID", "fundID", "walletID", "timestamp", "type", "asset", "amount", "fees", "netAmount",
        "counterpartyID", "counterpartyName", "address", "reference", "benefitOf", "accountNo", "later1TxID",
    ];

    public static readonly string[] WalletHistoryHeader =
    [
        "txID", "chainTxID", "walletID", "timestamp", "asset", "amount", "fees", "netAmount", "status", "type",
    ];

    public static void Write(CsvWriter csv, FundLedgerItem item)
    {
        csv.WriteText(item.TxId);
        csv.WriteText(item.ChainTxId);
        csv.WriteText(item.FundId);
        csv.WriteText(item.WalletId);
        csv.WriteNumber(item.Timestamp);
        csv.WriteNumber(item.Type);
        csv.WriteText(item.Asset);
        csv.WriteNumber(item.Amount);
        csv.WriteNumber(item.Fees);
        csv.WriteNumber(item.NetAmount);
        csv.WriteText(item.CounterpartyId);
        csv.WriteText(item.CounterpartyName);
        csv.WriteText(item.Address);
        csv.WriteText(item.Reference);
        csv.WriteText(item.BenefitOf);
        csv.WriteText(item.AccountNo);

        // A list in JSON; in one cell, its ids separated by spaces (ids never contain one).
        csv.WriteText(string.Join(' ', item.Later1TxId));
        csv.EndRecord();
    }

    public static void Write(CsvWriter csv, WalletHistoryItem item)
    {
        csv.WriteText(item.TxId);
        csv.WriteText(item.ChainTxId);
        csv.WriteText(item.WalletId);
        csv.WriteNumber(item.Timestamp);
        csv.WriteText(item.Asset);
        csv.WriteNumber(item.Amount);
        csv.WriteNumber(item.Fees);
        csv.WriteNumber(item.NetAmount);
        csv.WriteText(item.Status);
        csv.WriteNumber(item.Type);
        csv.EndRecord();
    }
}
