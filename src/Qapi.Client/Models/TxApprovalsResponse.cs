using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>getTransactionHistoryApprovalsResponse</c>.</summary>
public sealed record TxApprovalsResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("list")] IReadOnlyList<TxApprovalInfo> List);
