using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>
/// Adds and removes a wallet's destination allowlist entries. A wallet with any entry may send only to them
/// (enforced when a transaction is proposed); addresses are kept lowercase.
/// </summary>
public sealed class AllowlistService(QapiDbContext db, AuditTrail audit)
{
    public const int MaxLabelLength = 200;

    /// <summary>The wallet's entries, by address.</summary>
    public async Task<IReadOnlyList<AllowlistEntry>> ListAsync(string walletId, CancellationToken cancellationToken) =>
        await db.AllowlistEntries.AsNoTracking().Where(e => e.WalletId == walletId)
            .OrderBy(e => e.Address).ToListAsync(cancellationToken);

    /// <summary>Adds an address; the same address twice is a conflict.</summary>
    public async Task<AllowlistEntry> AddAsync(
        Wallet wallet, string? address, string? label, CancellationToken cancellationToken)
    {
        var normalized = Normalize(address);
        var text = FieldRules.Bounded(label ?? "", "label", MaxLabelLength);
        if (await db.AllowlistEntries.AnyAsync(e => e.WalletId == wallet.Id && e.Address == normalized,
                cancellationToken))
        {
            throw Duplicate(normalized);
        }

        var entry = new AllowlistEntry { WalletId = wallet.Id, Address = normalized, Label = text };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AllowlistEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request added the same address first (the unique index decides).
            db.ChangeTracker.Clear();
            throw Duplicate(normalized);
        }

        await audit.AppendAsync("wallet.allowlist.add", wallet.AccountId, wallet.Id,
            new { address = normalized, label = text }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Removes an address; one not on the list is not found.</summary>
    public async Task RemoveAsync(Wallet wallet, string? address, CancellationToken cancellationToken)
    {
        var normalized = Normalize(address);
        var entry = await db.AllowlistEntries
            .SingleOrDefaultAsync(e => e.WalletId == wallet.Id && e.Address == normalized, cancellationToken)
            ?? throw QapiError.NotFound("allowlist_entry_not_found",
                $"{normalized} is not on this wallet's allowlist.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AllowlistEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("wallet.allowlist.remove", wallet.AccountId, wallet.Id,
            new { address = normalized }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Normalize(string? address) =>
        EvmAddress.TryParse(address, out var parsed, out var reason)
            ? parsed.ToString().ToLowerInvariant()
            : throw QapiError.Invalid("invalid_address", $"The address {reason}.");

    private static QapiError Duplicate(string address) =>
        QapiError.Conflict("allowlist_entry_exists", $"{address} is already on this wallet's allowlist.");
}
