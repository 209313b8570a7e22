using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /signup</c>: the new account, its mnemonic and an admin key, each shown this once.</summary>
public sealed record SignupResponse(
    [property: JsonPropertyName("account")] AccountProfile Account,
    [property: JsonPropertyName("mnemonic")] string Mnemonic,
    [property: JsonPropertyName("apiKey")] SignupApiKey ApiKey);
