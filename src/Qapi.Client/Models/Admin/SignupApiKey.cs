using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>The admin key made at sign-up; its secret is shown this once.</summary>
public sealed record SignupApiKey(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string> Permissions);
