using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: a destination for a wallet's allowlist (0x and 40 hex digits; EIP-55 when mixed case).</summary>
public sealed record AllowlistEntryRequest(
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("label")] string? Label);
