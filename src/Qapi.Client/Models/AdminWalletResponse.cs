using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: a wallet with its derived address; <c>balance</c> is the settled balance in base units of
/// <c>scale</c> per whole asset.
/// </summary>
public sealed record AdminWalletResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("fundId")] string FundId,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("balance")] long Balance,
    [property: JsonPropertyName("scale")] long Scale,
    [property: JsonPropertyName("createdAt")] long CreatedAt);
