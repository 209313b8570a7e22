using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
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
    public Task<(ApiKey Key, string Secret)> CreateAsync(
        string accountId,
        string name,
        ApiKeyPermissions permissions,
        IReadOnlyCollection<string> walletIds,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken) =>
        CreateAsync(accountId, name, permissions, walletIds, expiresAt, holderId: null, cancellationToken);

    /// <summary>
    /// Creates a key held by a person (see <see cref="ApiKey.HolderId"/>); an empty wallet list means the whole
    /// account. An <c>admin</c> key must be held by the personal account's owner or by an active administrator
    /// of the organization.
    /// </summary>
    public Task<(ApiKey Key, string Secret)> CreateAsync(
        string accountId,
        string name,
        ApiKeyPermissions permissions,
        IReadOnlyCollection<string> walletIds,
        DateTimeOffset? expiresAt,
        string? holderId,
        CancellationToken cancellationToken) =>
        CreateAsync(QapiId.New(), accountId, name, permissions, walletIds, expiresAt, holderId, cancellationToken);

    /// <summary>
    /// Creates a key under an id chosen by the caller; joins the caller's transaction when one is open.
    /// </summary>
    internal async Task<(ApiKey Key, string Secret)> CreateAsync(
        string id,
        string accountId,
        string name,
        ApiKeyPermissions permissions,
        IReadOnlyCollection<string> walletIds,
        DateTimeOffset? expiresAt,
        string? holderId,
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

        RequireAccountWideAdmin(permissions, walletIds.Count);
        await RequireOwnWalletsAsync(accountId, walletIds, cancellationToken);
        await RequireHolderAsync(accountId, permissions, holderId, cancellationToken);
        var secret = ApiSecret.Generate();
        var key = new ApiKey
        {
            Id = id,
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? "API key" : name,
            EncryptedSecret = secrets.Seal(id, secret),
            Permissions = permissions,
            HolderId = holderId,
            Wallets = walletIds.Distinct().Select(w => new ApiKeyWallet { ApiKeyId = id, WalletId = w }).ToList(),
            ExpiresAt = expiresAt?.ToUnixTimeSeconds(),
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await using var transaction = await StoreTransaction.BeginOrJoinAsync(db, cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("api_key.create", accountId, id, new
        {
            name = key.Name,
            permissions = ApiKeyPermissionNames.Format(permissions),
            wallets = key.Wallets.Select(w => w.WalletId).ToList(),
            expiresAt = key.ExpiresAt,
            holder = holderId,
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

    /// <summary>
    /// Renames, re-permissions or re-dates a key; null leaves a property as it is. Values the key already has
    /// change nothing and write no audit entry.
    /// </summary>
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

        if (permissions is { } granted && granted.HasFlag(ApiKeyPermissions.Admin))
        {
            // Granting admin later must meet the same rules as creating an admin key.
            var scoped = await db.ApiKeyWallets.CountAsync(w => w.ApiKeyId == keyId, cancellationToken);
            RequireAccountWideAdmin(granted, scoped);
            await RequireHolderAsync(key.AccountId, granted, key.HolderId, cancellationToken);
        }

        key.Name = string.IsNullOrWhiteSpace(name) ? key.Name : name;
        key.Permissions = permissions ?? key.Permissions;
        key.ExpiresAt = clearExpiry ? null : expiresAt?.ToUnixTimeSeconds() ?? key.ExpiresAt;

        // The change tracker compares with the loaded values: a key given its own values changes nothing, so
        // nothing is audited, as with funds, wallets and profiles.
        db.ChangeTracker.DetectChanges();
        if (!db.Entry(key).Properties.Any(p => p.IsModified))
        {
            return key;
        }

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

    /// <summary>The admin API ignores wallet scopes: an admin key narrowed to wallets would promise too much.</summary>
    private static void RequireAccountWideAdmin(ApiKeyPermissions permissions, int scopedWallets)
    {
        if (permissions.HasFlag(ApiKeyPermissions.Admin) && scopedWallets > 0)
        {
            throw QapiError.Invalid("admin_key_scoped",
                "An admin key acts on the whole account; it cannot be narrowed to wallets.");
        }
    }

    private async Task RequireHolderAsync(
        string accountId, ApiKeyPermissions permissions, string? holderId, CancellationToken cancellationToken)
    {
        if (holderId is null)
        {
            if (permissions.HasFlag(ApiKeyPermissions.Admin))
            {
                throw QapiError.Invalid("admin_key_needs_holder",
                    "An admin key must be held by a person: the account's owner or an organization administrator.");
            }

            return;
        }

        var holder = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == holderId && a.Kind == AccountKind.Personal)
            .Select(a => a.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw QapiError.NotFound("holder_not_found", $"No personal account {holderId}.");
        if (holder == accountId)
        {
            return;
        }

        var role = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == accountId && m.UserId == holderId && !m.Pending)
            .Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync(cancellationToken)
            ?? throw QapiError.Invalid("holder_not_member",
                $"{holderId} is not an active member of account {accountId}, so cannot hold its keys.");
        if (permissions.HasFlag(ApiKeyPermissions.Admin) && role != MemberRole.Administrator)
        {
            throw QapiError.Forbidden("admin_key_needs_administrator",
                "Only an organization's administrators may hold an admin key.");
        }
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
