using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The person behind an entity of type <c>user</c>.</summary>
public sealed record EntityUser(
    [property: JsonPropertyName("firstName")] string FirstName,
    [property: JsonPropertyName("lastName")] string LastName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("userName")] string UserName,
    [property: JsonPropertyName("partner")] bool Partner);
