using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// <c>POST /accounts/{accountId}/keys</c>: the new key and its secret. The only answer that ever holds a secret;
/// it cannot be asked for again.
/// </summary>
public sealed record AdminKeyCreatedResponse(
    [property: JsonPropertyName("key")] AdminKeyInfo Key,
    [property: JsonPropertyName("secret")] string Secret);
