using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>Error</c>: code (the HTTP status), msg, and what exactly was wrong.</summary>
public sealed record ErrorResponse(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("detail")] ErrorDetail Detail);
