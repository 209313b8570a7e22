using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Storage;

/// <summary>
/// Group commit: nothing is reported before the sync that covers it, concurrent waiters share syncs, a failed sync
/// is final, the log synced is the one SQLite writes, and gated writers hand their connection back syncing.
/// </summary>
public sealed class GroupCommitTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Idle_WaitReturnsAtOnce_WithoutASync()
    {
        using var commits = Attached(new FakeLog());

        var wait = commits.WaitAsync();

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
        Assert.Equal(0, commits.Syncs);
    }

    [Fact]
    public async Task AfterAWriteEnded_TheNextWaitSyncs_AndOnlyOnce()
    {
        var log = new FakeLog();
        using var commits = Attached(log);
        commits.WriteStarted();
        commits.WriteEnded();

        await commits.WaitAsync();
        await commits.WaitAsync();

        Assert.Equal(1, log.Syncs);
    }

    [Fact]
    public async Task WhileAWriteIsUnderWay_AReaderWaitsForASync()
    {
        // The writer may have committed already (what the reader saw), and not have said so yet.
        var log = new FakeLog();
        using var commits = Attached(log);
        commits.WriteStarted();

        await commits.WaitAsync();

        Assert.Equal(1, log.Syncs);
    }

    [Fact]
    public async Task WaitersArrivingDuringASync_AreAllCoveredByTheNextOne()
    {
        using var inSync = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var log = new FakeLog(() =>
        {
            inSync.Release();
            release.Wait();
        });
        using var commits = Attached(log);
        commits.WriteStarted();
        commits.WriteEnded();
        var first = Task.Run(async () => await commits.WaitAsync());
        await inSync.WaitAsync();

        // These commit after the first sync began, so it cannot cover them; one more sync covers them all.
        commits.WriteStarted();
        commits.WriteEnded();
        var later = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await commits.WaitAsync())).ToList();
        await Task.Delay(100);
        Assert.False(first.IsCompleted);
        Assert.All(later, t => Assert.False(t.IsCompleted));

        release.Release();
        await first;
        await inSync.WaitAsync();
        release.Release();
        await Task.WhenAll(later);

        Assert.Equal(2, log.Syncs);
    }

    [Fact]
    public async Task AFailedSync_IsFinal_EvenForALaterIdleWait()
    {
        var fail = true;
        var log = new FakeLog(() =>
        {
            if (fail)
            {
                throw new IOException("EIO");
            }
        });
        using var commits = Attached(log);
        commits.WriteStarted();
        commits.WriteEnded();

        await Assert.ThrowsAsync<IOException>(async () => await commits.WaitAsync());

        // The pages the disk failed to write may be gone: a later sync that succeeds proves nothing about them.
        fail = false;
        commits.WriteStarted();
        commits.WriteEnded();
        await Assert.ThrowsAsync<IOException>(async () => await commits.WaitAsync());
        await Assert.ThrowsAsync<IOException>(async () => await commits.WaitAsync());
        Assert.NotNull(commits.Failure);
        Assert.Equal(0, commits.Syncs);
    }

    [Fact]
    public void NoLogAttached_DoesNothing()
    {
        // PostgreSQL, normal, the CLI: nothing to group, gated writers sync their own commits.
        using var commits = new GroupCommit();
        Assert.False(commits.Enabled);
        Assert.True(commits.WaitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public void TheLog_IsTheFileSqliteWrites_ThroughASymbolicLink()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Symbolic links need privileges on Windows.");
        var folder = Directory.CreateTempSubdirectory("qapi-wal-").FullName;
        var real = Path.Combine(folder, "real");
        Directory.CreateDirectory(real);
        var link = Path.Combine(folder, "link.db");
        File.CreateSymbolicLink(link, Path.Combine(real, "store.db"));
        var connectionString = $"Data Source={link};Pooling=False";
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (a INTEGER);";
            command.ExecuteNonQuery();
        }

        using var log = SqliteWriteAheadLog.TryOpen(connectionString, out var reason);

        Assert.Null(reason);
        Assert.Equal(Path.Combine(real, "store.db-wal"), log!.Path);
        Assert.True(File.Exists(log.Path));
        log.Sync();
    }

    [Theory]
    [InlineData("Data Source=:memory:", "memory")]
    [InlineData("Data Source={0};Cache=Shared", "shared cache")]
    [InlineData("Data Source={0}", "not in WAL mode")]
    public void WhereGroupingWouldNotHold_NoLogIsOpened(string connectionString, string why)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("qapi-wal-").FullName, "store.db");
        var formatted = string.Format(System.Globalization.CultureInfo.InvariantCulture, connectionString, file);

        using var log = SqliteWriteAheadLog.TryOpen(formatted + ";Pooling=False", out var reason);

        Assert.Null(log);
        Assert.Contains(why, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServer_SyncsItsLogBeforeItAnswersAWrite()
    {
        var commits = server.App.Services.GetRequiredService<GroupCommit>();
        Assert.True(commits.Enabled);
        var before = commits.Syncs;

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(server.Demo.WalletAddress));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(commits.Syncs > before, "The answer left before a sync of the write-ahead log.");
    }

    [Fact]
    public async Task AGatedWriter_ReturnsItsConnectionSyncingEveryCommit()
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<StoreWriteGate>();
        await db.Database.OpenConnectionAsync();

        using (await gate.EnterAsync(db, default))
        {
            Assert.Equal(1L, await SynchronousAsync(db));
        }

        // The lease closed the connection it opened for the turn; this one is still open, as the caller left it.
        Assert.Equal(2L, await SynchronousAsync(db));
        await db.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task AConnectionLeftAtNormal_SyncsAgainWhenNextOpened()
    {
        // Should a turn fail to restore FULL, the next user of the pooled connection still gets it.
        await using (var scope = server.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;");
            await db.Database.CloseConnectionAsync();
        }

        await using var next = server.App.Services.CreateAsyncScope();
        Assert.Equal(2L, await SynchronousAsync(next.ServiceProvider.GetRequiredService<QapiDbContext>()));
    }

    private static GroupCommit Attached(FakeLog log)
    {
        var commits = new GroupCommit();
        commits.Attach(log);
        return commits;
    }

    private static async Task<long> SynchronousAsync(QapiDbContext db) =>
        (await db.Database.SqlQueryRaw<long>("""SELECT "synchronous" AS "Value" FROM pragma_synchronous""")
            .ToListAsync()).Single();

    private sealed class FakeLog(Action? sync = null) : IWriteAheadLog
    {
        private int _syncs;

        public int Syncs => _syncs;

        public void Sync()
        {
            sync?.Invoke();
            Interlocked.Increment(ref _syncs);
        }

        public void Dispose()
        {
        }
    }
}
