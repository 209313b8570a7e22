using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>An organization's API keys as <c>/account</c> lists them (ids and names only).</summary>
public sealed record OrganizationApiKeys(
    [property: JsonPropertyName("number_of_keys")] int NumberOfKeys,
    [property: JsonPropertyName("user_api_keys")] IReadOnlyList<UserApiKeyInfo> UserApiKeys);
