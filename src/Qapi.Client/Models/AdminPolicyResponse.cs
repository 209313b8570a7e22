using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: a policy of a kind (<c>transaction</c> or <c>withdrawal</c>); <c>source</c> says whether it is the
/// fund's or the wallet's own override.
/// </summary>
public sealed record AdminPolicyResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("members")] IReadOnlyList<string> Members);
