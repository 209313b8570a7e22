using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Audit;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Audit;

/// <summary>Every change is in the audit chain exactly once, and an edited or removed entry breaks it.</summary>
public abstract class AuditLogTests(QapiServerFixture server)
{
    [Fact]
    public async Task EveryChange_AppearsOnceWithItsActor_AndTheChainVerifies()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var before = await EntriesAsync();
        var (keyId, _) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        await server.InScopeAsync(async sp =>
        {
            var keys = sp.GetRequiredService<ApiKeyService>();
            await keys.UpdateAsync(keyId, "renamed", null, null, false, default);
            await keys.RevokeAsync(keyId, default);
            return true;
        });

        var added = (await EntriesAsync()).Skip(before.Count).ToList();
        Assert.Equal(["api_key.create", "api_key.update", "api_key.revoke"], added.Select(e => e.Action));
        Assert.All(added, e => Assert.Equal(keyId, e.ObjectId));
        Assert.All(added, e => Assert.Equal(server.Demo.OrganizationId, e.AccountId));
        Assert.All(added, e => Assert.Equal("operator", e.Actor));
        Assert.Contains(before, e => e.Action == "account.create" && e.Actor == "bootstrap");
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AuditEntries_NeverHoldSecrets()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var (_, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.ReadOnly);
        var all = string.Join('\n', (await EntriesAsync()).Select(e => e.Detail));

        Assert.DoesNotContain(secret, all);
        Assert.DoesNotContain(server.Demo.Secret, all);
    }

    [Fact]
    public async Task ConcurrentChanges_KeepOneUnbrokenChain()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var before = (await EntriesAsync()).Count;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance)));

        Assert.Equal(before + 20, (await EntriesAsync()).Count);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task EditedOrRemovedEntry_BreaksTheChain_AndIsNamed()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        var entries = await EntriesAsync();
        var victim = entries[^2];
        await ExecuteAsync(db => db.AuditEntries.Where(e => e.Id == victim.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else")));

        var edited = await VerifyAsync();
        Assert.False(edited.IsIntact);
        Assert.Equal(victim.Id, edited.BrokenAt);

        await ExecuteAsync(db => db.AuditEntries.Where(e => e.Id == victim.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, victim.Actor)));
        Assert.True((await VerifyAsync()).IsIntact);

        var last = entries[^1];
        await ExecuteAsync(db => db.AuditEntries.Where(e => e.Id == last.Id).ExecuteDeleteAsync());
        var truncated = await VerifyAsync();
        Assert.False(truncated.IsIntact);
        Assert.Equal(last.Id, truncated.BrokenAt);

        // Put it back, so the other scenarios on this shared server see an intact chain.
        await ExecuteAsync(db =>
        {
            db.AuditEntries.Add(last);
            return db.SaveChangesAsync();
        });
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task EntryAppendedDuringTheWalk_IsNotTakenForTampering()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var before = (await EntriesAsync()).Count;
        var append = new BeforeEntryScan(() => server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance));

        var verified = await VerifyThroughAsync(append);

        Assert.True(append.Fired);
        Assert.True(verified.IsIntact, verified.Reason);
        Assert.Equal(before, verified.Entries);
        Assert.Equal(before + 1, (await EntriesAsync()).Count);
        Assert.Equal(before + 1, (await VerifyAsync()).Entries);
    }

    [Fact]
    public async Task RemovedEntryInTheMiddle_IsNamedAsMissing()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        var victim = (await EntriesAsync())[^2];
        await ExecuteAsync(db => db.AuditEntries.Where(e => e.Id == victim.Id).ExecuteDeleteAsync());
        try
        {
            var broken = await VerifyAsync();

            Assert.False(broken.IsIntact);
            Assert.Equal(victim.Id, broken.BrokenAt);
            Assert.Equal($"entry {victim.Id} is missing", broken.Reason);
        }
        finally
        {
            await RestoreAsync(victim);
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task EntryInsertedBeyondTheHead_IsNamed()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var last = (await EntriesAsync())[^1];
        // Well formed, chained to the last entry, but not recorded by the head.
        var id = last.Id + 3;
        var forged = new Data.Entities.AuditEntry
        {
            Id = id,
            Timestamp = last.Timestamp,
            Actor = "someone-else",
            Action = last.Action,
            AccountId = last.AccountId,
            ObjectId = last.ObjectId,
            Detail = last.Detail,
            PreviousHash = last.Hash,
            Hash = AuditChain.HashOf(last.Hash, id, last.Timestamp, "someone-else", last.Action, last.AccountId,
                last.ObjectId, last.Detail),
        };
        await RestoreAsync(forged);
        try
        {
            var broken = await VerifyAsync();

            Assert.False(broken.IsIntact);
            Assert.Equal(forged.Id, broken.BrokenAt);
            Assert.Contains("beyond the chain's head", broken.Reason);
        }
        finally
        {
            await ExecuteAsync(db => db.AuditEntries.Where(e => e.Id == forged.Id).ExecuteDeleteAsync());
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task RecomputedChain_Verifies_ButNotAgainstAnEntryRecordedBefore()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        var anchor = (await VerifyAsync()).Last!;
        var entries = await EntriesAsync();
        Assert.Equal((entries[^1].Id, entries[^1].Hash), (anchor.Id, anchor.Hash));

        // What someone who can write to the database can do: edit an entry, then recompute every hash after it.
        await RewriteAsync(entries, entries[^2].Id, "someone-else");
        try
        {
            Assert.True((await VerifyAsync()).IsIntact);
            var caught = await server.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>()
                .VerifyAsync(anchor, default));

            Assert.False(caught.IsIntact);
            Assert.Equal(anchor.Id, caught.BrokenAt);
            Assert.Contains("rewritten", caught.Reason);
        }
        finally
        {
            await RewriteAsync(entries, entries[^2].Id, entries[^2].Actor);
        }

        Assert.True((await server.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>()
            .VerifyAsync(anchor, default))).IsIntact);
    }

    private Task<List<Data.Entities.AuditEntry>> EntriesAsync() =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().AuditEntries.AsNoTracking()
            .OrderBy(e => e.Id).ToListAsync());

    private Task<AuditVerification> VerifyAsync() =>
        server.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(default));

    /// <summary>Verifies on a context of its own, with <paramref name="hook"/> watching its commands.</summary>
    private Task<AuditVerification> VerifyThroughAsync(IInterceptor hook) =>
        server.InScopeAsync(async sp =>
        {
            var options = sp.GetRequiredService<QapiDbContext>().GetService<IDbContextOptions>();
            await using QapiDbContext db = options switch
            {
                DbContextOptions<SqliteQapiDbContext> sqlite => new SqliteQapiDbContext(
                    new DbContextOptionsBuilder<SqliteQapiDbContext>(sqlite).AddInterceptors(hook).Options),
                DbContextOptions<PostgresQapiDbContext> postgres => new PostgresQapiDbContext(
                    new DbContextOptionsBuilder<PostgresQapiDbContext>(postgres).AddInterceptors(hook).Options),
                _ => throw new InvalidOperationException("An unknown store."),
            };
            return await new AuditVerifier(db).VerifyAsync(default);
        });

    /// <summary>Gives entry <paramref name="from"/> that actor; chains every later entry and the head anew.</summary>
    private async Task RewriteAsync(List<Data.Entities.AuditEntry> entries, long from, string actor)
    {
        var previous = entries.Single(e => e.Id == from - 1).Hash;
        foreach (var e in entries.Where(e => e.Id >= from))
        {
            var who = e.Id == from ? actor : e.Actor;
            var hash = AuditChain.HashOf(previous, e.Id, e.Timestamp, who, e.Action, e.AccountId, e.ObjectId,
                e.Detail);
            var chainedTo = previous;
            await ExecuteAsync(db => db.AuditEntries.Where(x => x.Id == e.Id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Actor, who).SetProperty(x => x.PreviousHash, chainedTo)
                .SetProperty(x => x.Hash, hash)));
            previous = hash;
        }

        await ExecuteAsync(db => db.AuditHeads.ExecuteUpdateAsync(u => u.SetProperty(h => h.Hash, previous)));
    }

    private Task<int> RestoreAsync(Data.Entities.AuditEntry entry) =>
        ExecuteAsync(db =>
        {
            db.AuditEntries.Add(entry);
            return db.SaveChangesAsync();
        });

    private Task<int> ExecuteAsync(Func<QapiDbContext, Task<int>> change) =>
        server.InScopeAsync(sp => change(sp.GetRequiredService<QapiDbContext>()));
}

/// <summary>The audit scenarios on SQLite.</summary>
public sealed class AuditLogOnSqliteTests(QapiServerFixture server)
    : AuditLogTests(server), IClassFixture<QapiServerFixture>;

/// <summary>The audit scenarios on PostgreSQL, whose row lock serializes concurrent appends.</summary>
public sealed class AuditLogOnPostgresTests(Storage.PostgresServerFixture server)
    : AuditLogTests(server), IClassFixture<Storage.PostgresServerFixture>;
