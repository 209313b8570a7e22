using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// A transaction as the approvers' channel shows it to one approver: every field its approval digest binds, the
/// policy's progress, this approver's own decision (empty when none) and the canonical text of each decision.
/// </summary>
public sealed record ApproverAction(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("accountID")] string AccountId,
    [property: JsonPropertyName("walletID")] string WalletId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("network")] string Network,
    [property: JsonPropertyName("chainID")] string ChainId,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("gasLimit")] string GasLimit,
    [property: JsonPropertyName("gasPrice")] string GasPrice,
    [property: JsonPropertyName("maxFeePerGas")] string MaxFeePerGas,
    [property: JsonPropertyName("maxPriorityFeePerGas")] string MaxPriorityFeePerGas,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("createdAt")] long CreatedAt,
    [property: JsonPropertyName("expiresAt")] long ExpiresAt,
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("approvers")] int Approvers,
    [property: JsonPropertyName("approvals")] int Approvals,
    [property: JsonPropertyName("rejections")] int Rejections,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("sign")] ApproverActionDigests Sign);
