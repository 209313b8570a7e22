using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// Every transaction signed by any test server of this test run, handed over by each server before it stops, for
/// <see cref="EthersSignedTransactionCheck"/> to have ethers check them all once the run is over.
/// </summary>
public static class SignedTransactionCollector
{
    private static readonly ConcurrentQueue<SignedTransactionRecord> Collected = new();

    public static IReadOnlyList<SignedTransactionRecord> All => Collected.ToArray();

    /// <summary>Reads every signed transaction from the store behind <paramref name="services"/>.</summary>
    public static async Task CollectAsync(IServiceProvider services, string source)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var signed = await db.Web3Transactions.AsNoTracking().Where(t => t.SignedTx != "")
            .Join(db.Wallets, t => t.WalletId, w => w.Id, (t, w) => new SignedTransactionRecord(source, t.Id,
                t.SignedTx, w.Address, t.TxHash, t.Nonce, t.ChainId))
            .ToListAsync();
        foreach (var record in signed)
        {
            Collected.Enqueue(record);
        }
    }
}
