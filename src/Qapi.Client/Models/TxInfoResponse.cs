using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>txInfoResponse</c>: a Web3 transaction with its timestamps and events.</summary>
public sealed record TxInfoResponse(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("txHash")] string TxHash,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("accountID")] string AccountId,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("network")] string Network,
    [property: JsonPropertyName("chainID")] string ChainId,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("gasLimit")] string GasLimit,
    [property: JsonPropertyName("gasPrice")] string GasPrice,
    [property: JsonPropertyName("maxFeePerGas")] string MaxFeePerGas,
    [property: JsonPropertyName("maxPriorityFeePerGas")] string MaxPriorityFeePerGas,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("rawTX")] string RawTx,
    [property: JsonPropertyName("signedTx")] string SignedTx,
    [property: JsonPropertyName("timestamps")] IReadOnlyDictionary<string, long> Timestamps,
    [property: JsonPropertyName("events")] IReadOnlyList<TxStatusEvent> Events);
