using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>An API key as the admin API shows it; it has no field for the secret. Times are ISO 8601, UTC.</summary>
public sealed record AdminKeyInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("holderId")] string? HolderId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string> Permissions,
    [property: JsonPropertyName("wallets")] IReadOnlyList<string> Wallets,
    [property: JsonPropertyName("expiresAt")] string? ExpiresAt,
    [property: JsonPropertyName("revokedAt")] string? RevokedAt,
    [property: JsonPropertyName("createdAt")] string CreatedAt);
