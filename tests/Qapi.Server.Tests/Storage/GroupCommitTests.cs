using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Storage;

/// <summary>
/// Group commit: nothing is reported before the sync that covers it, concurrent waiters share syncs, and gated
/// writers hand their connection back syncing on every commit.
/// </summary>
public sealed class GroupCommitTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Idle_WaitReturnsAtOnce_WithoutASync()
    {
        var commits = new GroupCommit(() => { });

        var wait = commits.WaitAsync();

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
        Assert.Equal(0, commits.Syncs);
    }

    [Fact]
    public async Task AfterAWriteEnded_TheNextWaitSyncs_AndOnlyOnce()
    {
        var commits = new GroupCommit(() => { });
        commits.WriteStarted();
        commits.WriteEnded();

        await commits.WaitAsync();
        await commits.WaitAsync();

        Assert.Equal(1, commits.Syncs);
    }

    [Fact]
    public async Task WhileAWriteIsUnderWay_AReaderWaitsForASync()
    {
        // The writer may have committed already (what the reader saw), and not have said so yet.
        var commits = new GroupCommit(() => { });
        commits.WriteStarted();

        await commits.WaitAsync();

        Assert.Equal(1, commits.Syncs);
    }

    [Fact]
    public async Task WaitersArrivingDuringASync_AreAllCoveredByTheNextOne()
    {
        using var inSync = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var commits = new GroupCommit(() =>
        {
            inSync.Release();
            release.Wait();
        });
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

        Assert.Equal(2, commits.Syncs);
    }

    [Fact]
    public async Task TheServer_SyncsBeforeItAnswersAWrite()
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
    public void ConfiguredNormal_HasNoGroupCommit()
    {
        // With normal, no commit waits for the disk, so there is nothing to group (SqliteSettingsTests starts it).
        var commits = new GroupCommit(walPath: null);
        Assert.False(commits.Enabled);
        Assert.True(commits.WaitAsync().IsCompletedSuccessfully);
    }

    private static async Task<long> SynchronousAsync(QapiDbContext db) =>
        (await db.Database.SqlQueryRaw<long>("""SELECT "synchronous" AS "Value" FROM pragma_synchronous""")
            .ToListAsync()).Single();
}
