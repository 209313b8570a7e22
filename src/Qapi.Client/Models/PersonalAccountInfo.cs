using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>personalAccountInfo</c>.</summary>
public sealed record PersonalAccountInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("defaultFiat")] string DefaultFiat,
    [property: JsonPropertyName("testnetAssets")] bool TestnetAssets,
    [property: JsonPropertyName("partnerAPI")] bool PartnerApi,
    [property: JsonPropertyName("userAPIKeys")] IReadOnlyList<UserApiKeyInfo> UserApiKeys);
