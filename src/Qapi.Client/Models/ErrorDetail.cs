using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The reason sentence, and the stable token from docs/api-errors.md.</summary>
public sealed record ErrorDetail(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("error")] string Error);
