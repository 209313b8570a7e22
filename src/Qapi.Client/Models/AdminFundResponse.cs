using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>Admin API: a fund with its policies' ids and its wallets.</summary>
public sealed record AdminFundResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("txPolicyId")] string TxPolicyId,
    [property: JsonPropertyName("withdrawPolicyId")] string WithdrawPolicyId,
    [property: JsonPropertyName("createdAt")] long CreatedAt,
    [property: JsonPropertyName("wallets")] IReadOnlyList<AdminWalletResponse> Wallets);
