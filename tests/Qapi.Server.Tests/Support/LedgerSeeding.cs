using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// A new fund of the demo organization with ledger entries written straight to the store, in one transaction:
/// deposits whose references cycle through text a spreadsheet would run, and one outflow on the first wallet.
/// Balances are left alone; these entries are for reading ledgers back.
/// </summary>
public static class LedgerSeeding
{
    public static readonly string[] TrickyReferences =
    [
        "=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tcmd", "comma, inside", "say \"hi\"",
        "two\r\nlines", "bare\nlf", "'apostrophe", "ünïcødé €", "", "plain",
    ];

    public static Task<(string FundId, string[] WalletIds)> SeedLedgerAsync(
        this QapiServerFixture server, int wallets, int entriesPerWallet) =>
        server.InScopeAsync(async sp =>
        {
            var orgId = server.Demo.OrganizationId;
            var alice = await server.AccountIdAsync("alice");
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(orgId, "Ledger " + QapiId.New(), "",
                [alice], 1, default);
            var walletService = sp.GetRequiredService<WalletService>();
            var created = new List<Wallet>();
            for (var w = 0; w < wallets; w++)
            {
                created.Add(await walletService.CreateAsync(orgId, fund.Id, $"Wallet {w}", "ETH-TESTNET",
                    WalletType.Standard, sandbox: true, default));
            }

            var db = sp.GetRequiredService<QapiDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var timestamp = 1_700_000_000L;
            foreach (var wallet in created)
            {
                for (var i = 0; i < entriesPerWallet; i++)
                {
                    db.LedgerEntries.Add(Entry(wallet, TxType.Deposit, 1_000 + i, 0,
                        TrickyReferences[i % TrickyReferences.Length], "0xfrom" + i, timestamp++));
                }
            }

            var outflow = Entry(created[0], TxType.Withdraw, -1_000_000_000, 21_000, "=SUM(A1:A9)",
                "=cmd|' /C calc'!A0", timestamp);
            outflow.ChainTxId = "0x" + new string('a', 64);
            db.LedgerEntries.Add(outflow);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return (fund.Id, created.Select(w => w.Id).ToArray());
        });

    private static LedgerEntry Entry(
        Wallet wallet, TxType type, long amount, long fees, string reference, string address, long timestamp) =>
        new()
        {
            TxId = QapiId.New(),
            WalletId = wallet.Id,
            FundId = wallet.FundId,
            AccountId = wallet.AccountId,
            Type = type,
            Asset = wallet.Asset,
            Amount = amount,
            Fees = fees,
            NetAmount = amount - fees,
            CounterpartyName = type == TxType.Withdraw ? "-evil" : "@counterparty",
            Address = address,
            Reference = reference,
            Timestamp = timestamp,
        };
}
