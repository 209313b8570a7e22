using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Qapi.Core.Transactions;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Data.Services;
using Qapi.Data.Transactions;
using Qapi.Server.Configuration;
using Qapi.Server.Hosting;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Hosting;

/// <summary>
/// The store's periodic workers survive a round whose store fails (a fault escaping a background service stops
/// the whole server): they log it and do their work at the next round, and still stop when the host stops. Each
/// runs on a real SQLite store with the demo organization, its clock faked so that a round comes when told.
/// </summary>
public sealed class StoreWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qapi-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private ServiceProvider _services = null!;
    private DemoCredentials _demo = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddQapiStore(new QapiOptions { DataDirectory = _directory });
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ITransactionNotifier, NoFeed>();
        _services = services.BuildServiceProvider();
        _demo = await InScopeAsync(async sp =>
        {
            await StorageRegistration.MigrateAsync(sp.GetRequiredService<QapiDbContext>(), default);
            return await sp.GetRequiredService<DemoBootstrapper>().BootstrapAsync(default);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task ExpiryWorker_AfterARoundWhoseStoreFailed_ExpiresAtTheNextRound()
    {
        var txId = await OverdueTransactionAsync();
        await RenameTableAsync("Web3Transactions", "Web3TransactionsAway");
        using var worker = new TransactionExpiryWorker(_services, _clock,
            _services.GetRequiredService<ILogger<TransactionExpiryWorker>>());
        await worker.StartAsync(default);

        await AdvanceUntilLogAsync(TimeSpan.FromSeconds(5), "Expiring pending transactions failed");
        Assert.False(worker.ExecuteTask!.IsCompleted, "The worker stopped after one failed round");

        await RenameTableAsync("Web3TransactionsAway", "Web3Transactions");
        await AdvanceUntilAsync(TimeSpan.FromSeconds(5), "the transaction expired",
            async () => await StatusAsync(txId) == "expired");

        await AssertStopsCleanlyAsync(worker);
    }

    [Fact]
    public async Task SignaturePruner_AfterARoundWhoseStoreFailed_PrunesAtTheNextRound()
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        await InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            db.UsedSignatures.AddRange(new UsedSignature { Hash = "old", ExpiresAt = now - 10 },
                new UsedSignature { Hash = "live", ExpiresAt = now + 86_400 });
            return db.SaveChangesAsync();
        });
        await RenameTableAsync("UsedSignatures", "UsedSignaturesAway");
        using var worker = new UsedSignaturePruner(_services, _clock,
            _services.GetRequiredService<ILogger<UsedSignaturePruner>>());
        await worker.StartAsync(default);

        await AdvanceUntilLogAsync(TimeSpan.FromMinutes(1), "Pruning expired replay records failed");
        Assert.False(worker.ExecuteTask!.IsCompleted, "The pruner stopped after one failed round");

        await RenameTableAsync("UsedSignaturesAway", "UsedSignatures");
        await AdvanceUntilAsync(TimeSpan.FromMinutes(1), "the old record pruned",
            async () => !(await HashesAsync()).Contains("old"));

        Assert.Equal(["live"], await HashesAsync());
        await AssertStopsCleanlyAsync(worker);
    }

    private static async Task AssertStopsCleanlyAsync(BackgroundService worker)
    {
        await worker.StopAsync(default);
        Assert.True(worker.ExecuteTask!.IsCompleted);
        Assert.False(worker.ExecuteTask.IsFaulted, worker.ExecuteTask.Exception?.ToString());
    }

    /// <summary>A pending transaction of the demo wallet whose approval window closed a second ago.</summary>
    private Task<string> OverdueTransactionAsync() =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var wallet = await db.Wallets.SingleAsync(w => w.Id == _demo.WalletId);
            var policyId = await db.Policies.Select(p => p.Id).FirstAsync();
            var now = _clock.GetUtcNow().ToUnixTimeSeconds();
            var tx = new Web3Transaction
            {
                Id = Guid.NewGuid().ToString("N"), AccountId = wallet.AccountId, WalletId = wallet.Id,
                CreatedBy = "test", ChainId = "11155111", From = wallet.Address, To = Web3Kit.Receiver,
                Value = "0", GasLimit = "21000", GasPrice = "1", Data = "", Status = TransactionStatus.Pending,
                PolicyId = policyId, Threshold = 2, ApproverIds = "", CreatedAt = now - 100, ExpiresAt = now - 1,
            };
            db.Web3Transactions.Add(tx);
            await db.SaveChangesAsync();
            return tx.Id;
        });

    /// <summary>Makes the store really fail, then recover: the table the worker reads goes away, then back.</summary>
    private Task RenameTableAsync(string from, string to)
    {
        // Table names cannot be SQL parameters; these are the test's own constants.
        var sql = "ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\"";
        return InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Database.ExecuteSqlRawAsync(sql));
    }

    private Task<string> StatusAsync(string txId) =>
        InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions
            .Where(t => t.Id == txId).Select(t => t.Status).SingleAsync());

    private Task<List<string>> HashesAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().UsedSignatures.Select(s => s.Hash)
            .OrderBy(h => h).ToListAsync());

    private Task AdvanceUntilLogAsync(TimeSpan interval, string text) =>
        AdvanceUntilAsync(interval, $"a log line with \"{text}\"",
            () => Task.FromResult(_logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal))));

    /// <summary>
    /// Moves the clock on by one interval at a time until <paramref name="done"/> holds: the worker starts on a
    /// thread of its own, so its timer may not exist yet when the test first moves the clock.
    /// </summary>
    private async Task AdvanceUntilAsync(TimeSpan interval, string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still waiting for {what} after {Wait}");
            _clock.Advance(interval);
            await Task.Delay(50);
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private sealed class NoFeed : ITransactionNotifier
    {
        public void EventsCommitted(long lastEventId)
        {
        }
    }
}
