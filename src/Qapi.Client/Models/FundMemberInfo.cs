using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>FundMember</c>.</summary>
public sealed record FundMemberInfo(
    [property: JsonPropertyName("entity")] EntityInfo Entity,
    [property: JsonPropertyName("permissions")] FundPermissions Permissions);
