using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// <c>PATCH /keys/{keyId}</c>: a field left out stays as it is; <c>"expiresAt": null</c> removes the expiry.
/// </summary>
public sealed record UpdateApiKeyRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string>? Permissions,
    [property: JsonPropertyName("expiresAt")] string? ExpiresAt);
