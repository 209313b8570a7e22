using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: a custom EVM network; <c>chainID</c> as a number or a decimal string.</summary>
public sealed record RpcNetworkRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("chainID")]
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    long? ChainId,
    [property: JsonPropertyName("url")] string? Url);
