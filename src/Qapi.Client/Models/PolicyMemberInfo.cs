using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>PolicyMember</c>.</summary>
public sealed record PolicyMemberInfo(
    [property: JsonPropertyName("dedicated")] bool Dedicated,
    [property: JsonPropertyName("entity")] IReadOnlyList<EntityInfo> Entity);
