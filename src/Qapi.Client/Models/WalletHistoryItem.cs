using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>WalletHistoryItem</c>.</summary>
public sealed record WalletHistoryItem(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("chainTxID")] string ChainTxId,
    [property: JsonPropertyName("walletID")] string WalletId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("fees")] long Fees,
    [property: JsonPropertyName("netAmount")] long NetAmount,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] int Type);
