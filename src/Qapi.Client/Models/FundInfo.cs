using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>FundInfo</c> (including its <c>policyWithdrawl</c> spelling).</summary>
public sealed record FundInfo(
    [property: JsonPropertyName("fund_id")] string FundId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("custodygroup_tx")] string CustodyGroupTx,
    [property: JsonPropertyName("custodygroup_withdraw")] string CustodyGroupWithdraw,
    [property: JsonPropertyName("members")] IReadOnlyList<FundMemberInfo> Members,
    [property: JsonPropertyName("policyTx")] PolicyInfo PolicyTx,
    [property: JsonPropertyName("policyWithdrawl")] PolicyInfo PolicyWithdraw,
    [property: JsonPropertyName("wallets")] IReadOnlyList<WalletInfo> Wallets);
