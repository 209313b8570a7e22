using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /signup</c>: who signs up.</summary>
public sealed record SignupRequest(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("firstName")] string? FirstName,
    [property: JsonPropertyName("lastName")] string? LastName,
    [property: JsonPropertyName("email")] string? Email);
