using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>WalletInfo</c>; <c>type</c> is the wallet type number.</summary>
public sealed record WalletInfo(
    [property: JsonPropertyName("wallet_id")] string WalletId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("address_type")] string AddressType,
    [property: JsonPropertyName("balance")] long Balance,
    [property: JsonPropertyName("short_code")] string ShortCode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("policy_tx")] PolicyInfo PolicyTx,
    [property: JsonPropertyName("policy_withdraw")] PolicyInfo PolicyWithdraw,
    [property: JsonPropertyName("connected")] IReadOnlyList<object>? Connected);
