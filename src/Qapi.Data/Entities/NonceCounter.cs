namespace Qapi.Data.Entities;

/// <summary>The next nonce of an address on a chain; taken only when a transaction is signed.</summary>
public sealed class NonceCounter
{
    public required string Address { get; init; }
    public required string ChainId { get; init; }
    public long Next { get; set; }
}
