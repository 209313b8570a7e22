using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>One asset's balance in base units; total = available + pendingIn - pendingOut.</summary>
public sealed record AssetBalance(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("available")] long Available,
    [property: JsonPropertyName("pendingIn")] long PendingIn,
    [property: JsonPropertyName("pendingOut")] long PendingOut,
    [property: JsonPropertyName("scale")] long Scale);
