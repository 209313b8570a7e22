using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: renames or re-describes a fund; a field left out stays as it is.</summary>
public sealed record UpdateFundRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description);
