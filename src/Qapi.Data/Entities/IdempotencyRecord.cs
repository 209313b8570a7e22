namespace Qapi.Data.Entities;

/// <summary>An Idempotency-Key a key used on POST /transaction, with the request it named.</summary>
public sealed class IdempotencyRecord
{
    public required string KeyId { get; init; }
    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the request body, hex: the same key with another body is a conflict.</summary>
    public required string RequestHash { get; init; }

    public required string TxId { get; init; }
    public long CreatedAt { get; init; }
}
