using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Records movements; a wallet's balance changes only in the same transaction as its ledger entry.</summary>
public sealed class LedgerService(QapiDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Records a settled deposit into a wallet, in the asset's base units.</summary>
    public async Task<LedgerEntry> RecordDepositAsync(
        string walletId, long amount, string fromAddress, string reference, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            throw QapiError.Invalid("amount_not_positive", "A deposit must be a positive amount.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wallet = await db.Wallets.SingleOrDefaultAsync(w => w.Id == walletId, cancellationToken)
            ?? throw QapiError.NotFound("wallet_not_found", $"No wallet {walletId}.");
        var entry = new LedgerEntry
        {
            TxId = QapiId.New(),
            WalletId = wallet.Id,
            FundId = wallet.FundId,
            AccountId = wallet.AccountId,
            Type = TxType.Deposit,
            Asset = wallet.Asset,
            Amount = amount,
            NetAmount = amount,
            Address = fromAddress,
            Reference = reference,
            Timestamp = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        db.LedgerEntries.Add(entry);
        wallet.Available = checked(wallet.Available + amount);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("ledger.deposit", wallet.AccountId, entry.TxId,
            new { walletId, amount, reference }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }
}
