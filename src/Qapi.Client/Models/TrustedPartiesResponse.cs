using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /trustedparties</c>.</summary>
public sealed record TrustedPartiesResponse(
    [property: JsonPropertyName("members")] IReadOnlyList<TrustedPartyInfo> Members);
