namespace Qapi.Data.Entities;

/// <summary>A wallet that a wallet-scoped API key covers.</summary>
public sealed class ApiKeyWallet
{
    public required string ApiKeyId { get; init; }
    public required string WalletId { get; init; }
}
