using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>A signing agent: an automated approver owned by an account.</summary>
public sealed record SigningAgentInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ownerId")] string OwnerId,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
