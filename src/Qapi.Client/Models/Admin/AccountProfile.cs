using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// An account as the admin API shows it: <c>kind</c> is <c>personal</c> or <c>organization</c>; the fields of
/// the other kind are left out.
/// </summary>
public sealed record AccountProfile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("createdAt")] long CreatedAt,
    [property: JsonPropertyName("username"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Username = null,
    [property: JsonPropertyName("firstName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? FirstName = null,
    [property: JsonPropertyName("lastName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? LastName = null,
    [property: JsonPropertyName("defaultFiat"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? DefaultFiat = null,
    [property: JsonPropertyName("testnetAssets"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    bool? TestnetAssets = null,
    [property: JsonPropertyName("domain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Domain = null,
    [property: JsonPropertyName("address"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Address = null);
