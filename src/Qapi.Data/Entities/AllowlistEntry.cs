namespace Qapi.Data.Entities;

/// <summary>A destination a wallet may send to; a wallet with any entry may send only to its entries.</summary>
public sealed class AllowlistEntry
{
    public long Id { get; init; }
    public required string WalletId { get; init; }

    /// <summary>Lowercase 0x-prefixed address.</summary>
    public required string Address { get; init; }

    public string Label { get; init; } = "";
}
