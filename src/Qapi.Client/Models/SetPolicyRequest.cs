using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: a policy's threshold and the ids of the members who may approve.</summary>
public sealed record SetPolicyRequest(
    [property: JsonPropertyName("threshold")] int? Threshold,
    [property: JsonPropertyName("members")] IReadOnlyList<string>? Members);
