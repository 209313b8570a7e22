using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>orgAccountInfo</c>.</summary>
public sealed record OrganizationInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("members")] IReadOnlyList<OrganizationMemberInfo> Members,
    [property: JsonPropertyName("connectClients")] IReadOnlyList<string> ConnectClients,
    [property: JsonPropertyName("rpcNetworks")] IReadOnlyList<RpcNetworkInfo> RpcNetworks,
    [property: JsonPropertyName("partnerAPI")] bool PartnerApi,
    [property: JsonPropertyName("userAPIKeys")] OrganizationApiKeys UserApiKeys);
