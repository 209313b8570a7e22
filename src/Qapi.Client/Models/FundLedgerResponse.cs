using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>TxHistoryResponse</c>; <c>wallets</c> is keyed by wallet id.</summary>
public sealed record FundLedgerResponse(
    [property: JsonPropertyName("list")] IReadOnlyList<FundLedgerItem> List,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("wallets")] IReadOnlyDictionary<string, LedgerWalletInfo> Wallets);
