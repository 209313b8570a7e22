using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /funds</c>.</summary>
public sealed record FundsResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("funds")] IReadOnlyList<FundSummary> Funds);
