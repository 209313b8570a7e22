using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /balance</c>: balances keyed by asset code.</summary>
public sealed record BalanceResponse(
    [property: JsonPropertyName("assets")] IReadOnlyDictionary<string, AssetBalance> Assets);
