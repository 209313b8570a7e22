using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: a new fund and the approvers and threshold of its initial policies.</summary>
public sealed record CreateFundRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("approvers")] IReadOnlyList<string>? Approvers,
    [property: JsonPropertyName("threshold")] int? Threshold);
