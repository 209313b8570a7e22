using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: a new wallet in a fund. <c>type</c> is a wallet type name (<c>standard</c>, <c>dedicated</c>,
/// <c>multi_counterparty</c>, <c>vesting</c>, <c>external</c>, <c>fee</c>) or its spec number; standard when left
/// out. Web3 transactions are proposed from <c>external</c> wallets.
/// </summary>
public sealed record CreateWalletRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("asset")] string? Asset,
    [property: JsonPropertyName("type")] string? Type);
