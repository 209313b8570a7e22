using System.Globalization;
using Qapi.Client.Models;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;

namespace Qapi.Server.Web3;

/// <summary>Maps stored transactions and events to the spec's shapes.</summary>
internal static class TransactionViews
{
    public static TxInfoResponse Info(Web3Transaction tx, IEnumerable<TransactionEvent> events)
    {
        var eventList = events.OrderBy(e => e.Id).ToList();
        var timestamps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in eventList)
        {
            timestamps.TryAdd(e.Status, e.Timestamp);
        }

        return new TxInfoResponse(tx.Id, tx.TxHash, tx.Status, tx.AccountId, tx.CreatedBy,
            ChainCatalog.NameOf(System.Numerics.BigInteger.Parse(tx.ChainId, CultureInfo.InvariantCulture)),
            tx.ChainId, tx.From, tx.To, tx.Value, tx.GasLimit, tx.GasPrice ?? "", tx.MaxFeePerGas ?? "",
            tx.MaxPriorityFeePerGas ?? "", tx.Data, tx.Nonce, tx.Note, tx.RawTx, tx.SignedTx, timestamps,
            eventList.Select(Event).ToList());
    }

    public static TxStatusEvent Event(TransactionEvent e) =>
        new(e.Id.ToString(CultureInfo.InvariantCulture), e.Status, e.Message, e.Timestamp);
}
