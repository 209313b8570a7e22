using System.Diagnostics;

namespace Qapi.Data;

/// <summary>
/// Group commit for SQLite with <c>synchronous=full</c> in the server. The hot write transactions (those that take
/// the <see cref="StoreWriteGate"/>) commit with <c>synchronous=NORMAL</c>, which writes the write-ahead log without
/// waiting for the disk, and one sync of that log then covers every commit made before it began. Nothing leaves
/// the process before the sync that covers what it depends on: every HTTP answer waits for <see cref="WaitAsync"/>
/// as it starts, and so do the feeds before they send and the broadcaster before it pushes. So an acknowledged
/// commit is on disk as with a sync per commit, but the writers no longer queue behind each other's syncs.
/// </summary>
/// <remarks>
/// Data a reader sees can only come from a commit that finished, and every commit of a gated writer happens between
/// <see cref="WriteStarted"/> and <see cref="WriteEnded"/>. <see cref="WaitAsync"/> returns at once only when no
/// gated writer is under way and no write ended since the last sync began; otherwise it waits for a sync that began
/// after it was called. Writes that do not take the gate keep <c>synchronous=FULL</c> and are on disk when they
/// commit. An instance with no log to sync (PostgreSQL, <c>normal</c>, the CLI) does nothing.
/// </remarks>
public sealed class GroupCommit
{
    private readonly string? _walPath;
    private readonly Action _sync;
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private long _activeWriters;
    private long _endedWrites;
    private long _syncedWrites;
    private long _tickets;
    private long _durableTickets;
    private long _syncs;

    /// <summary>A group commit that syncs the write-ahead log at <paramref name="walPath"/>, or none (null).</summary>
    public GroupCommit(string? walPath)
    {
        _walPath = walPath;
        _sync = SyncLog;
    }

    /// <summary>A group commit whose sync is <paramref name="sync"/> (tests).</summary>
    internal GroupCommit(Action sync)
    {
        _walPath = "";
        _sync = sync;
    }

    /// <summary>Whether gated writers commit without a sync of their own and wait here instead.</summary>
    public bool Enabled => _walPath is not null;

    /// <summary>How many syncs of the log this instance made.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>A gated writer is about to begin: until it ends, readers wait for a sync.</summary>
    public void WriteStarted() => Interlocked.Increment(ref _activeWriters);

    /// <summary>The gated writer committed or rolled back.</summary>
    public void WriteEnded()
    {
        // The order matters to WaitAsync: the write is counted as ended before it stops being under way.
        Interlocked.Increment(ref _endedWrites);
        Interlocked.Decrement(ref _activeWriters);
    }

    /// <summary>Returns once everything committed so far is on disk.</summary>
    public ValueTask WaitAsync()
    {
        if (!Enabled || (Interlocked.Read(ref _activeWriters) == 0
                && Interlocked.Read(ref _endedWrites) == Interlocked.Read(ref _syncedWrites)))
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(SyncAsync(Interlocked.Increment(ref _tickets)));
    }

    private async Task SyncAsync(long ticket)
    {
        // Not cancellable: a caller that gave up must not be answered before its commit is on disk either.
        while (Interlocked.Read(ref _durableTickets) < ticket)
        {
            await _syncing.WaitAsync();
            try
            {
                if (Interlocked.Read(ref _durableTickets) >= ticket)
                {
                    return;
                }

                // Whoever took a ticket or ended a write before this point has its commits in the log already.
                var tickets = Interlocked.Read(ref _tickets);
                var ended = Interlocked.Read(ref _endedWrites);
                _sync();
                Interlocked.Increment(ref _syncs);
                Interlocked.Exchange(ref _syncedWrites, Math.Max(ended, Interlocked.Read(ref _syncedWrites)));
                Interlocked.Exchange(ref _durableTickets, tickets);
            }
            finally
            {
                _syncing.Release();
            }
        }
    }

    private void SyncLog()
    {
        Debug.Assert(!string.IsNullOrEmpty(_walPath), "Only an enabled group commit syncs.");
        try
        {
            // fsync applies to the file, whichever descriptor wrote it. SQLite takes no locks on the log file itself
            // (they live in the -shm index), so opening and closing it here disturbs none of SQLite's.
            using var log = new FileStream(_walPath!, FileMode.Open, FileAccess.ReadWrite,
                FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No log: the last connection checkpointed it into the database file, which SQLite synced, and removed it.
        }
    }
}
