using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>An invitation waiting for the caller: <c>member</c> of an organization or <c>trusted_party</c>.</summary>
public sealed record InvitationInfo(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("accountName")] string AccountName,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("invitedBy")] string? InvitedBy,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
