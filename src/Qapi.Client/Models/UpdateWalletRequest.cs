using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: renames a wallet or sets its status (<c>ready</c>, <c>pending</c>, <c>expired</c>, <c>rejected</c>);
/// a field left out stays as it is.
/// </summary>
public sealed record UpdateWalletRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("status")] string? Status);
