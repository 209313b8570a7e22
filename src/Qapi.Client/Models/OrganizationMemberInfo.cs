using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>orgMember</c>, with the member's role.</summary>
public sealed record OrganizationMemberInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role);
