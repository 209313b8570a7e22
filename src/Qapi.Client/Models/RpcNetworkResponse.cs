using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: a custom EVM network. Only the endpoint's scheme, host and port are shown: its path or query may
/// hold a provider's key.
/// </summary>
public sealed record RpcNetworkResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("chainID")] string ChainId,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
