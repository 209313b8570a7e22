using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>Fund</c>: holdings are totals per asset in base units.</summary>
public sealed record FundSummary(
    [property: JsonPropertyName("fundID")] string FundId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("theme")] int Theme,
    [property: JsonPropertyName("holdings")] IReadOnlyDictionary<string, long> Holdings);
