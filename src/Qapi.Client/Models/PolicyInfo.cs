using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// The spec's <c>Policy</c> (custody group). The spec gives the wallet counts a minimum of 1, so a count of
/// zero is left out rather than written.
/// </summary>
public sealed record PolicyInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("entityID")] string EntityId,
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("membersCount")] int MembersCount,
    [property: JsonPropertyName("members")] IReadOnlyList<PolicyMemberInfo> Members,
    [property: JsonPropertyName("funds")] IReadOnlyList<string> Funds,
    [property: JsonPropertyName("fundsCount")] int FundsCount,
    [property: JsonPropertyName("walletCount")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? WalletCount,
    [property: JsonPropertyName("dedicatedWalletCount")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? DedicatedWalletCount,
    [property: JsonPropertyName("locked")] bool Locked,
    [property: JsonPropertyName("lockedTxID")] string LockedTxId);
