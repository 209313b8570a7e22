using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>PATCH /accounts/{accountId}/members/{userId}</c>.</summary>
public sealed record UpdateMemberRequest(
    [property: JsonPropertyName("role")] string? Role);
