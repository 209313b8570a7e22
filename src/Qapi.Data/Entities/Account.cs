using Qapi.Core.Accounts;

namespace Qapi.Data.Entities;

/// <summary>A personal account or an organization, with its encrypted master seed.</summary>
public sealed class Account
{
    public required string Id { get; init; }
    public AccountKind Kind { get; init; }
    public string? Username { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string DefaultFiat { get; set; } = "USD";
    public bool TestnetAssets { get; set; } = true;
    public string? Domain { get; set; }
    public string? Address { get; set; }
    public bool PartnerApi { get; set; }

    /// <summary>For a signing agent: the account that owns it.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The BIP-39 mnemonic, encrypted under the key-encryption key; never stored in plain text.</summary>
    public required string EncryptedSeed { get; set; }

    /// <summary>The BIP-44 address index the next EVM wallet takes.</summary>
    public int NextWalletIndex { get; set; }

    public long CreatedAt { get; init; }
}
