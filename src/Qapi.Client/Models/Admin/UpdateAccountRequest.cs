using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>PATCH /accounts/{accountId}</c>; an absent field stays as it is.</summary>
public sealed record UpdateAccountRequest(
    [property: JsonPropertyName("firstName")] string? FirstName,
    [property: JsonPropertyName("lastName")] string? LastName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("defaultFiat")] string? DefaultFiat,
    [property: JsonPropertyName("testnetAssets")] bool? TestnetAssets,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("address")] string? Address);
