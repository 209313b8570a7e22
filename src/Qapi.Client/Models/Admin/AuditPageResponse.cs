using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>GET /accounts/{accountId}/audit</c>: one page of the account's entries, newest first.</summary>
public sealed record AuditPageResponse(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("entries")] IReadOnlyList<AuditEntryInfo> Entries);
