using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// One message of <c>GET /transactions/feed</c>: the spec's <c>txFeedStatus</c> as of one status change, plus
/// <c>eventID</c>, the cursor a reconnecting client passes back as <c>after</c>. <c>status</c>, <c>timestamps</c>
/// and <c>events</c> stop at that change; quantities are strings, as everywhere in the Web3 API.
/// </summary>
public sealed record TxFeedStatus(
    [property: JsonPropertyName("eventID")] string EventId,
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("txHash")] string TxHash,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamps")] IReadOnlyDictionary<string, long> Timestamps,
    [property: JsonPropertyName("events")] IReadOnlyList<TxStatusEvent> Events,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("gasPrice")] string GasPrice,
    [property: JsonPropertyName("maxFeePerGas")] string MaxFeePerGas,
    [property: JsonPropertyName("maxPriorityFeePerGas")] string MaxPriorityFeePerGas,
    [property: JsonPropertyName("gasLimit")] string GasLimit,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("rawTX")] string RawTx,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("accountID")] string AccountId,
    [property: JsonPropertyName("network")] string Network,
    [property: JsonPropertyName("chainID")] string ChainId);
