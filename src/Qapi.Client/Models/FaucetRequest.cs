using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: how much the sandbox faucet credits, a decimal string in whole units (<c>"0.5"</c>).</summary>
public sealed record FaucetRequest(
    [property: JsonPropertyName("amount")] string? Amount);
