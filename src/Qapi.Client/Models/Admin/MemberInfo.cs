using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>A member of an organization, or a person invited to be one (<c>pending</c>).</summary>
public sealed record MemberInfo(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("pending")] bool Pending,
    [property: JsonPropertyName("invitedBy")] string? InvitedBy,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
