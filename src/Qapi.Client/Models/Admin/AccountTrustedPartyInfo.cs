using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>A trusted party of a personal account, pending until they accept.</summary>
public sealed record AccountTrustedPartyInfo(
    [property: JsonPropertyName("partyId")] string PartyId,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("pending")] bool Pending,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
