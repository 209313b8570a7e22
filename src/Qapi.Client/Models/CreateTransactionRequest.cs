using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The body of <c>POST /transaction</c>; every quantity is a string (decimal or 0x hex).</summary>
public sealed record CreateTransactionRequest(
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("gasLimit")] string? GasLimit,
    [property: JsonPropertyName("gasPrice")] string? GasPrice,
    [property: JsonPropertyName("maxFeePerGas")] string? MaxFeePerGas,
    [property: JsonPropertyName("maxPriorityFeePerGas")] string? MaxPriorityFeePerGas,
    [property: JsonPropertyName("data")] string? Data,
    [property: JsonPropertyName("chainID")] string? ChainId,
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("note")] string? Note);
