using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The actions awaiting an approver, oldest first.</summary>
public sealed record ApproverActionsResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("actions")] IReadOnlyList<ApproverAction> Actions);
