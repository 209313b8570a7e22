using System.Text.Json.Serialization;

namespace Qapi.Bench.Flow;

/// <summary>What the server wrote to <c>demo-credentials.json</c> in an empty sandbox.</summary>
internal sealed record DemoCredentials(
    [property: JsonPropertyName("baseUrl")] string BaseUrl,
    [property: JsonPropertyName("apiKey")] string ApiKey,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("walletAddress")] string WalletAddress);
