using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Entities;

namespace Qapi.Bench.Csv;

/// <summary>
/// Appends ledger entries to a wallet straight through the DbContext, in one transaction, from this process (the
/// server's memory does not see them until it exports). One entry in ten is an outflow, and some references
/// start like formulas, so that the export takes its quoting and neutralising paths.
/// </summary>
internal sealed class LedgerSeeder(string dataDirectory) : IAsyncDisposable
{
    private const int Chunk = 10_000;

    private static readonly string[] References =
        ["Invoice 2026-{0}", "=HYPERLINK(\"http://x/{0}\")", "Payroll, batch {0}", "-{0}", "@refund {0}"];

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddQapiStorage(new StorageOptions(), dataDirectory)
        .BuildServiceProvider();

    public async Task<string> FundOfAsync(string walletId)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        return await db.Wallets.Where(w => w.Id == walletId).Select(w => w.FundId).SingleAsync();
    }

    /// <summary>Adds entries until the wallet's fund has <paramref name="total"/> of them.</summary>
    public async Task SeedUpToAsync(string walletId, long total)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var wallet = await db.Wallets.AsNoTracking().SingleAsync(w => w.Id == walletId);
        var existing = await db.LedgerEntries.CountAsync(e => e.FundId == wallet.FundId);

        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var n = existing; n < total; n++)
        {
            db.LedgerEntries.Add(Entry(wallet, n));
            if ((n + 1) % Chunk == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static LedgerEntry Entry(Wallet wallet, long n)
    {
        var outflow = n % 10 == 9;
        var amount = outflow ? -1_000_000_000 : 1_000_000 + n;
        var fees = outflow ? 21_000 : 0;
        var reference = string.Format(CultureInfo.InvariantCulture, References[n % References.Length], n);
        return new LedgerEntry
        {
            TxId = QapiId.New(),
            ChainTxId = outflow ? "0x" + n.ToString("x64", CultureInfo.InvariantCulture) : "",
            WalletId = wallet.Id,
            FundId = wallet.FundId,
            AccountId = wallet.AccountId,
            Type = outflow ? TxType.Withdraw : TxType.Deposit,
            Asset = wallet.Asset,
            Amount = amount,
            Fees = fees,
            NetAmount = amount - fees,
            CounterpartyName = outflow ? "Supplier " + n : "",
            Address = "0x" + (n * 7919).ToString("x40", CultureInfo.InvariantCulture),
            Reference = reference,
            Timestamp = 1_700_000_000 + n,
        };
    }
}
