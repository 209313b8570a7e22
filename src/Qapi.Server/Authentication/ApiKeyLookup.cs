using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Services;

namespace Qapi.Server.Authentication;

/// <summary>
/// Reads a key for authentication. The row is read on every request, so revocation and expiry take effect at
/// once on every node; only the decrypted secret is cached, keyed by its ciphertext, which never changes.
/// A singleton per host: a compiled query belongs to the provider it first runs on, so it is an instance field,
/// not a static one shared by every host in the process.
/// </summary>
internal sealed class ApiKeyLookup(ApiSecretVault vault)
{
    private const int MaxCachedSecrets = 10_000;

    // One flat statement: the key row joined to its account, and left-joined to the wallets it is narrowed to
    // (one row per wallet, or one row with no wallet). A nested projection with FirstOrDefault made EF emit a
    // subquery, a correlated sub-select and an ORDER BY, and SQLite compiles the statement on every request:
    // that shape cost about twice as much to prepare and run.
    private readonly Func<QapiDbContext, string, IAsyncEnumerable<KeyRow>> _findQuery =
        EF.CompileAsyncQuery((QapiDbContext db, string id) =>
            from k in db.ApiKeys
            where k.Id == id
            join a in db.Accounts on k.AccountId equals a.Id
            from w in k.Wallets.DefaultIfEmpty()
            select new KeyRow(k.Id, k.AccountId, a.Kind, k.EncryptedSecret, k.Permissions, k.ExpiresAt,
                k.RevokedAt, w == null ? null : w.WalletId, k.HolderId));

    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);

    public async Task<ApiKeyRecord?> FindAsync(QapiDbContext db, string keyId)
    {
        ApiKeyRecord? key = null;
        await foreach (var row in _findQuery(db, keyId))
        {
            key ??= new ApiKeyRecord(row.Id, row.AccountId, row.AccountKind, row.EncryptedSecret, row.Permissions,
                row.ExpiresAt, row.RevokedAt, [], row.HolderId);
            if (row.WalletId is not null)
            {
                key.WalletIds.Add(row.WalletId);
            }
        }

        return key;
    }

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

    private sealed record KeyRow(
        string Id,
        string AccountId,
        AccountKind AccountKind,
        string EncryptedSecret,
        ApiKeyPermissions Permissions,
        long? ExpiresAt,
        long? RevokedAt,
        string? WalletId,
        string? HolderId);
}
