using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /accounts/{accountId}/agents</c>.</summary>
public sealed record CreateSigningAgentRequest(
    [property: JsonPropertyName("name")] string? Name);
