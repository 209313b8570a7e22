namespace Qapi.Data.Entities;

/// <summary>
/// One change, who made it and from which key. Entries form a hash chain: each carries the hash of the one before,
/// and its id is the chain's sequence number, so an edited, inserted or deleted entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public long Timestamp { get; init; }

    /// <summary>Who: <c>key:ID</c>, <c>approver:ID</c>, <c>operator</c> or <c>bootstrap</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>What, as <c>object.verb</c>, for example <c>api_key.revoke</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The account the change belongs to (empty for server-wide changes).</summary>
    public string AccountId { get; init; } = "";

    public required string ObjectId { get; init; }

    /// <summary>What changed, as JSON; never a secret.</summary>
    public string Detail { get; init; } = "{}";

    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}
