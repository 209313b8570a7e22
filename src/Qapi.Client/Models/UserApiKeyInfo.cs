using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>UserAPIKeyInfo</c>: never the secret.</summary>
public sealed record UserApiKeyInfo(
    [property: JsonPropertyName("keyID")] string KeyId,
    [property: JsonPropertyName("name")] string Name);
