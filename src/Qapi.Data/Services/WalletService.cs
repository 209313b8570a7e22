using Microsoft.EntityFrameworkCore;
using Qapi.Core.Assets;
using Qapi.Core.Errors;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Creates wallets whose addresses derive from the account's master seed.</summary>
public sealed class WalletService(QapiDbContext db, SeedVault seeds, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 180;

    /// <summary>The spec's wallet statuses; only a <c>ready</c> wallet signs or counts in balances.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["ready", "pending", "expired", "rejected"];

    /// <summary>
    /// Creates a wallet of an asset in a fund. EVM wallets take the account's next BIP-44 index, so restoring
    /// the mnemonic re-creates the same addresses in the same order.
    /// </summary>
    public async Task<Wallet> CreateAsync(
        string accountId,
        string fundId,
        string name,
        string assetCode,
        WalletType type,
        bool sandbox,
        CancellationToken cancellationToken)
    {
        name = FieldRules.Bounded(name, "name", MaxNameLength);
        var asset = AssetCatalog.Find(assetCode)
            ?? throw QapiError.Invalid("unknown_asset", $"Unknown asset '{assetCode}'.");
        if (!asset.IsEvm)
        {
            throw QapiError.Invalid("asset_not_supported", $"Wallets of {asset.Code} are not supported yet.");
        }

        if (sandbox && !asset.Testnet)
        {
            throw QapiError.Invalid("mainnet_asset_in_sandbox", "The sandbox holds testnet assets only.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw QapiError.NotFound("account_not_found", $"No account {accountId}.");
        // A production account holds testnet assets only where it has turned them on.
        if (!sandbox && asset.Testnet && !account.TestnetAssets)
        {
            throw QapiError.Invalid("testnet_assets_off", "This account has testnet assets turned off.");
        }

        var fund = await db.Funds.SingleOrDefaultAsync(f => f.Id == fundId && f.AccountId == accountId,
            cancellationToken) ?? throw QapiError.NotFound("fund_not_found", $"No fund {fundId}.");
        if (fund.Archived)
        {
            throw QapiError.Invalid("fund_archived", "Wallets cannot be added to an archived fund.");
        }

        var index = account.NextWalletIndex;
        account.NextWalletIndex = index + 1;
        var id = QapiId.New();
        var wallet = new Wallet
        {
            Id = id,
            FundId = fund.Id,
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? $"{asset.Code} wallet" : name,
            Type = type,
            Asset = asset.Code,
            Address = seeds.DeriveAddress(account, index),
            EncryptedKey = seeds.SealWalletKey(account, index, id),
            DerivationIndex = index,
            ShortCode = id[^8..],
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        db.Wallets.Add(wallet);

        // The unique (account, index) constraint turns a concurrent creation into a failed commit, not a shared key.
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("wallet.create", accountId, wallet.Id,
            new { fundId, asset = asset.Code, type = type.ToString(), address = wallet.Address, index },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return wallet;
    }

    /// <summary>Renames a wallet (tracked by this context) or sets its status; null leaves a field as it is.</summary>
    public async Task<Wallet> UpdateAsync(
        Wallet wallet, string? name, string? status, CancellationToken cancellationToken)
    {
        var newName = name is null ? wallet.Name : FieldRules.Required(name, "name", MaxNameLength);
        if (status is not null && !Statuses.Contains(status))
        {
            throw QapiError.Invalid("invalid_status",
                $"The status must be one of {string.Join(", ", Statuses)}.");
        }

        var before = wallet.Status;
        if (newName == wallet.Name && (status ?? before) == before)
        {
            // Nothing changes, so nothing is audited.
            return wallet;
        }

        wallet.Name = newName;
        wallet.Status = status ?? wallet.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("wallet.update", wallet.AccountId, wallet.Id,
            new { name = newName, status = wallet.Status, previousStatus = before }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return wallet;
    }
}
