using Qapi.Core.Keys;

namespace Qapi.Data.Entities;

/// <summary>An API key of one account, optionally narrowed to some of its wallets.</summary>
public sealed class ApiKey
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }

    /// <summary>The secret, encrypted under the key-encryption key (needed to check HMAC signatures).</summary>
    public required string EncryptedSecret { get; init; }

    public ApiKeyPermissions Permissions { get; set; }

    /// <summary>
    /// The person (personal account) who holds the key and acts through it: the owner for a personal account's
    /// key, the creating member for an organization's. Null for keys made by the operator or the demo bootstrap.
    /// </summary>
    public string? HolderId { get; init; }
    public List<ApiKeyWallet> Wallets { get; init; } = [];
    public long? ExpiresAt { get; set; }
    public long? RevokedAt { get; set; }
    public long CreatedAt { get; init; }
}
