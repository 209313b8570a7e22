using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>TxHistoryWalletInfo</c>.</summary>
public sealed record LedgerWalletInfo(
    [property: JsonPropertyName("walletID")] string WalletId,
    [property: JsonPropertyName("fundName")] string FundName,
    [property: JsonPropertyName("walletName")] string WalletName,
    [property: JsonPropertyName("type")] int Type);
