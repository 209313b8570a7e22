using System.Text.Json.Serialization;

namespace Qapi.Server.Tests.Support;

/// <summary>demo-credentials.json as the server writes it.</summary>
public sealed record DemoCredentialsFile(
    [property: JsonPropertyName("baseUrl")] string BaseUrl,
    [property: JsonPropertyName("apiKey")] string ApiKey,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("organizationId")] string OrganizationId,
    [property: JsonPropertyName("walletId")] string WalletId,
    [property: JsonPropertyName("walletAddress")] string WalletAddress);
