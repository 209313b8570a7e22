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
/// commit. Until a log is attached (<see cref="Attach"/>), and for PostgreSQL, <c>normal</c> or the CLI, it does
/// nothing and gated writers sync their own commits. A failed sync is final: the kernel may have dropped the pages
/// it could not write, so no later sync can vouch for them, and every wait from then on throws.
/// </remarks>
public sealed class GroupCommit : IDisposable
{
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private IWriteAheadLog? _log;
    private Exception? _failure;
    private long _activeWriters;
    private long _endedWrites;
    private long _syncedWrites;
    private long _tickets;
    private long _durableTickets;
    private long _syncs;

    /// <summary>Whether gated writers commit without a sync of their own and wait here instead.</summary>
    public bool Enabled => Volatile.Read(ref _log) is not null;

    /// <summary>How many syncs of the log this instance made.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Why syncing stopped, once a sync failed; null while it works.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// Starts grouping commits, syncing <paramref name="log"/>; call once, before the first gated write that may
    /// rely on it, and keep the log open (the database's write-ahead log must stay the same file) until disposed.
    /// </summary>
    public void Attach(IWriteAheadLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (Interlocked.CompareExchange(ref _log, log, null) is not null)
        {
            throw new InvalidOperationException("A write-ahead log is attached already.");
        }
    }

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
    /// <exception cref="IOException">A sync failed, now or before.</exception>
    public ValueTask WaitAsync()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            return ValueTask.FromException(Failed(failure));
        }

        if (!Enabled || (Interlocked.Read(ref _activeWriters) == 0
                && Interlocked.Read(ref _endedWrites) == Interlocked.Read(ref _syncedWrites)))
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(SyncAsync(Interlocked.Increment(ref _tickets)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Interlocked.Exchange(ref _log, null)?.Dispose();
        _syncing.Dispose();
    }

    private async Task SyncAsync(long ticket)
    {
        // Not cancellable: a caller that gave up must not be answered before its commit is on disk either.
        while (Interlocked.Read(ref _durableTickets) < ticket)
        {
            await _syncing.WaitAsync();
            try
            {
                if (Volatile.Read(ref _failure) is { } failure)
                {
                    throw Failed(failure);
                }

                if (Interlocked.Read(ref _durableTickets) >= ticket)
                {
                    return;
                }

                // Whoever took a ticket or ended a write before this point has its commits in the log already.
                var tickets = Interlocked.Read(ref _tickets);
                var ended = Interlocked.Read(ref _endedWrites);
                try
                {
                    (Volatile.Read(ref _log) ?? throw new ObjectDisposedException(nameof(GroupCommit))).Sync();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
                {
                    Volatile.Write(ref _failure, e);
                    throw Failed(e);
                }

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

    private static IOException Failed(Exception cause) =>
        new("The store's write-ahead log could not be synced to disk; no commit is acknowledged from now on.",
            cause);
}

/// <summary>The log that <see cref="GroupCommit"/> syncs.</summary>
public interface IWriteAheadLog : IDisposable
{
    /// <summary>Makes everything written to the log so far durable; throws when the disk reports a failure.</summary>
    public void Sync();
}
