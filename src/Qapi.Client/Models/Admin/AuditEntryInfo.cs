using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary>
/// One audit entry: its place in the chain, when (ISO 8601, UTC), who (<c>person:ID key:ID</c>, <c>operator</c>),
/// what (<c>object.verb</c>), in which account, on which object, the change's details, and the chain's hashes.
/// </summary>
public sealed record AuditEntryInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("objectId")] string ObjectId,
    [property: JsonPropertyName("detail")] JsonElement Detail,
    [property: JsonPropertyName("previousHash")] string PreviousHash,
    [property: JsonPropertyName("hash")] string Hash);
