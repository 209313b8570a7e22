using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>Entity</c>: a person (<c>user</c>), a company, or a signing agent.</summary>
public sealed record EntityInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accountCode")] string AccountCode,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("initials")] string Initials,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("user")] EntityUser? User,
    [property: JsonPropertyName("company")] EntityCompany? Company);
