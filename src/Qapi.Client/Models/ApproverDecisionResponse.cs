using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>A transaction's state after an approver's decision; the signed transaction once it is approved.</summary>
public sealed record ApproverDecisionResponse(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("approvals")] int Approvals,
    [property: JsonPropertyName("rejections")] int Rejections,
    [property: JsonPropertyName("txHash")] string TxHash,
    [property: JsonPropertyName("signedTx")] string SignedTx);
