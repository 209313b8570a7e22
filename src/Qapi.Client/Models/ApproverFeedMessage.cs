using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// One message of the approver feed: <c>actions</c> (the whole list, on connect), <c>action</c> (a new one) or
/// <c>resolved</c> (an announced action no longer awaits this approver; <c>status</c> says why).
/// </summary>
public sealed record ApproverFeedMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("actions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ApproverAction>? Actions = null,
    [property: JsonPropertyName("action"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    ApproverAction? Action = null,
    [property: JsonPropertyName("txID"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? TxId = null,
    [property: JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Status = null);
