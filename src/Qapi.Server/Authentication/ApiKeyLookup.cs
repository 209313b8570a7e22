using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qapi.Data;
using Qapi.Data.Services;

namespace Qapi.Server.Authentication;

/// <summary>
/// Reads a key for authentication. The row is read on every request, so revocation and expiry take effect at
/// once on every node; only the decrypted secret is cached, keyed by its ciphertext, which never changes.
/// A singleton: its compiled query belongs to this host's provider, so it is an instance field, not a static
/// one shared by every host in the process.
/// </summary>
internal sealed class ApiKeyLookup(ApiSecretVault vault)
{
    private const int MaxCachedSecrets = 10_000;

    private readonly Func<QapiDbContext, string, Task<ApiKeyRecord?>> _findQuery =
        EF.CompileAsyncQuery((QapiDbContext db, string id) => db.ApiKeys
            .Where(k => k.Id == id)
            .Select(k => new ApiKeyRecord(
                k.Id,
                k.AccountId,
                db.Accounts.Where(a => a.Id == k.AccountId).Select(a => a.Kind).First(),
                k.EncryptedSecret,
                k.Permissions,
                k.ExpiresAt,
                k.RevokedAt,
                k.Wallets.Select(w => w.WalletId).ToList()))
            .FirstOrDefault());

    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);

    public Task<ApiKeyRecord?> FindAsync(QapiDbContext db, string keyId) => _findQuery(db, keyId);

    public byte[] SecretOf(ApiKeyRecord key)
    {
        if (_secrets.TryGetValue(key.EncryptedSecret, out var cached))
        {
            return cached;
        }

        var secret = vault.OpenKeyBytes(key.Id, key.EncryptedSecret);
        if (_secrets.Count >= MaxCachedSecrets)
        {
            _secrets.Clear();
        }

        _secrets[key.EncryptedSecret] = secret;
        return secret;
    }
}
