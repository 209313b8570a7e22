using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>rpcNetwork</c>.</summary>
public sealed record RpcNetworkInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("chainID")] string ChainId);
