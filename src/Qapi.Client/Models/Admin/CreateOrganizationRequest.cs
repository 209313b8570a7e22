using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /orgs</c>.</summary>
public sealed record CreateOrganizationRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("address")] string? Address);
