using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>GET /me</c>: the key holder's personal account and memberships.</summary>
public sealed record MeResponse(
    [property: JsonPropertyName("account")] AccountProfile Account,
    [property: JsonPropertyName("memberships")] IReadOnlyList<MembershipInfo> Memberships);
