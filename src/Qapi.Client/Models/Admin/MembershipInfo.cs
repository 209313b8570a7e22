using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>One of the caller's organizations and their role in it.</summary>
public sealed record MembershipInfo(
    [property: JsonPropertyName("organizationId")] string OrganizationId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("pending")] bool Pending);
