using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// <c>POST /accounts/{accountId}/keys</c>: permission names (<c>balance</c>, <c>read_only</c>, <c>web3</c>,
/// <c>admin</c>), the account's wallets to narrow the key to (none: all of them) and an ISO 8601 expiry.
/// </summary>
public sealed record CreateApiKeyRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string>? Permissions,
    [property: JsonPropertyName("wallets")] IReadOnlyList<string>? Wallets,
    [property: JsonPropertyName("expiresAt")] string? ExpiresAt);
