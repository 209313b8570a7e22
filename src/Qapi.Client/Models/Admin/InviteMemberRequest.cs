using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /accounts/{accountId}/members</c>.</summary>
public sealed record InviteMemberRequest(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("role")] string? Role);
