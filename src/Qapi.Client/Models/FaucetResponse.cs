using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// Admin API: the deposit the faucet recorded; <c>amount</c> and <c>balance</c> are base units of <c>scale</c>
/// per whole asset.
/// </summary>
public sealed record FaucetResponse(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("walletId")] string WalletId,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("balance")] long Balance,
    [property: JsonPropertyName("scale")] long Scale);
