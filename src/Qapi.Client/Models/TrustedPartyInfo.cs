using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>trustedpartyMember</c>.</summary>
public sealed record TrustedPartyInfo(
    [property: JsonPropertyName("userID")] string UserId,
    [property: JsonPropertyName("firstName")] string FirstName,
    [property: JsonPropertyName("lastName")] string LastName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("internal")] bool Internal,
    [property: JsonPropertyName("pending")] bool Pending,
    [property: JsonPropertyName("created")] long Created);
