using System.Globalization;
using System.Numerics;
using Qapi.Client.Models;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;
using Qapi.Data.Transactions;

namespace Qapi.Server.Web3;

/// <summary>Maps stored transactions and events to the spec's shapes.</summary>
internal static class TransactionViews
{
    public static TxInfoResponse Info(Web3Transaction tx, IEnumerable<TransactionEvent> events)
    {
        var eventList = events.OrderBy(e => e.Id).ToList();
        return new TxInfoResponse(tx.Id, tx.TxHash, tx.Status, tx.AccountId, tx.CreatedBy, Network(tx),
            tx.ChainId, tx.From, tx.To, tx.Value, tx.GasLimit, tx.GasPrice ?? "", tx.MaxFeePerGas ?? "",
            tx.MaxPriorityFeePerGas ?? "", tx.Data, tx.Nonce, tx.Note, tx.RawTx, tx.SignedTx, Timestamps(eventList),
            eventList.Select(Event).ToList());
    }

    /// <summary>
    /// The transaction as of one event: the same message whether it is sent live or replayed later. Nonce, hash
    /// and raw transaction exist from signing on, which commits together with the <c>approved</c> event.
    /// </summary>
    public static TxFeedStatus Feed(TransactionFeedItem item)
    {
        var (e, tx, history) = item;
        var signed = history.Any(h => h.Status == TransactionStatus.Approved);
        return new TxFeedStatus(e.Id.ToString(CultureInfo.InvariantCulture), tx.Id, signed ? tx.TxHash : "",
            e.Status, Timestamps(history), history.Select(Event).ToList(), signed ? tx.Nonce : "",
            tx.GasPrice ?? "", tx.MaxFeePerGas ?? "", tx.MaxPriorityFeePerGas ?? "", tx.GasLimit, tx.From, tx.To,
            tx.Value, tx.Data, signed ? tx.RawTx : "", tx.CreatedBy, tx.AccountId, Network(tx), tx.ChainId);
    }

    public static TxStatusEvent Event(TransactionEvent e) =>
        new(e.Id.ToString(CultureInfo.InvariantCulture), e.Status, e.Message, e.Timestamp);

    /// <summary>When each status was first reached, from events in id order.</summary>
    private static Dictionary<string, long> Timestamps(IEnumerable<TransactionEvent> events)
    {
        var timestamps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            timestamps.TryAdd(e.Status, e.Timestamp);
        }

        return timestamps;
    }

    private static string Network(Web3Transaction tx) =>
        ChainCatalog.NameOf(BigInteger.Parse(tx.ChainId, CultureInfo.InvariantCulture));
}
