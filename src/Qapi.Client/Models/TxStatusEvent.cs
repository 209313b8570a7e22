using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>
/// The spec's <c>txStatusUpdate</c>; <c>id</c> is the feed cursor a reconnecting client resumes from.
/// </summary>
public sealed record TxStatusEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("timestamp")] long Timestamp);
