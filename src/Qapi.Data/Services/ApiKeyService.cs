using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Creates, lists, updates and revokes API keys. A secret is returned once, at creation.</summary>
public sealed class ApiKeyService(QapiDbContext db, ApiSecretVault secrets, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Creates a key; an empty wallet list means the whole account.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(
        string accountId,
        string name,
        ApiKeyPermissions permissions,
        IReadOnlyCollection<string> walletIds,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        if (permissions == ApiKeyPermissions.None)
        {
            throw QapiError.Invalid("permissions_required", "A key needs at least one permission.");
        }

        if (expiresAt is { } expiry && expiry <= clock.GetUtcNow())
        {
            throw QapiError.Invalid("expiry_in_past", "The expiry date is in the past.");
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            throw QapiError.NotFound("account_not_found", $"No account {accountId}.");
        }

        await RequireOwnWalletsAsync(accountId, walletIds, cancellationToken);
        var id = QapiId.New();
        var secret = ApiSecret.Generate();
        var key = new ApiKey
        {
            Id = id,
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? "API key" : name,
            EncryptedSecret = secrets.Seal(id, secret),
            Permissions = permissions,
            Wallets = walletIds.Distinct().Select(w => new ApiKeyWallet { ApiKeyId = id, WalletId = w }).ToList(),
            ExpiresAt = expiresAt?.ToUnixTimeSeconds(),
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("api_key.create", accountId, id, new
        {
            name = key.Name,
            permissions = ApiKeyPermissionNames.Format(permissions),
            wallets = key.Wallets.Select(w => w.WalletId).ToList(),
            expiresAt = key.ExpiresAt,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (key, secret);
    }

    /// <summary>The account's keys (all of them when no account is given), newest first; no secrets.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? accountId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Include(k => k.Wallets)
            .Where(k => accountId == null || k.AccountId == accountId)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Renames, re-permissions or re-dates a key; null leaves a property as it is.</summary>
    public async Task<ApiKey> UpdateAsync(
        string keyId,
        string? name,
        ApiKeyPermissions? permissions,
        DateTimeOffset? expiresAt,
        bool clearExpiry,
        CancellationToken cancellationToken)
    {
        var key = await FindActiveAsync(keyId, cancellationToken);
        if (permissions == ApiKeyPermissions.None)
        {
            throw QapiError.Invalid("permissions_required", "A key needs at least one permission.");
        }

        if (expiresAt is { } expiry && expiry <= clock.GetUtcNow())
        {
            throw QapiError.Invalid("expiry_in_past", "The expiry date is in the past.");
        }

        key.Name = string.IsNullOrWhiteSpace(name) ? key.Name : name;
        key.Permissions = permissions ?? key.Permissions;
        key.ExpiresAt = clearExpiry ? null : expiresAt?.ToUnixTimeSeconds() ?? key.ExpiresAt;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("api_key.update", key.AccountId, key.Id, new
        {
            name = key.Name,
            permissions = ApiKeyPermissionNames.Format(key.Permissions),
            expiresAt = key.ExpiresAt,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes a key for good; requests signed with it fail from then on.</summary>
    public async Task RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var key = await FindActiveAsync(keyId, cancellationToken);
        key.RevokedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("api_key.revoke", key.AccountId, key.Id, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ApiKey> FindActiveAsync(string keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken)
            ?? throw QapiError.NotFound("key_not_found", $"No API key {keyId}.");
        return key.RevokedAt is null
            ? key
            : throw QapiError.Conflict("key_revoked", $"The API key {keyId} is revoked.");
    }

    private async Task RequireOwnWalletsAsync(
        string accountId, IReadOnlyCollection<string> walletIds, CancellationToken cancellationToken)
    {
        if (walletIds.Count == 0)
        {
            return;
        }

        var distinct = walletIds.Distinct().ToList();
        var own = await db.Wallets.Where(w => w.AccountId == accountId && distinct.Contains(w.Id))
            .Select(w => w.Id).ToListAsync(cancellationToken);
        var missing = distinct.Except(own).FirstOrDefault();
        if (missing is not null)
        {
            throw QapiError.NotFound("wallet_not_found", $"No wallet {missing} in this account.");
        }
    }
}
