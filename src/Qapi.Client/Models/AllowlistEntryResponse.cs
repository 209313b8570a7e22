using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: an allowlisted destination, its address in lowercase.</summary>
public sealed record AllowlistEntryResponse(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("label")] string Label);
