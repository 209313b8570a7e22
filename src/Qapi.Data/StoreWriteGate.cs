using Microsoft.EntityFrameworkCore;

namespace Qapi.Data;

/// <summary>
/// Queues this process's write transactions when the store is SQLite, which admits one writer at a time. Without
/// the queue, concurrent writers find the database locked and poll for it (SQLite's busy handler sleeps 1 to 100 ms
/// between tries), blocking a thread each, so the lock sits idle between a commit and the next poll. Here a waiting
/// writer awaits without a thread and starts as soon as the previous one is done, in arrival order. With a
/// <see cref="GroupCommit"/>, a turn also commits without its own sync, which the group commit makes up for.
/// </summary>
/// <remarks>
/// This is about speed, not correctness: the database lock still serializes writers, including those that do not
/// take the gate (other processes such as <c>qapi</c> commands, and rare writes), which wait through
/// <c>busy_timeout</c>. A holder must not enter again before leaving: the gate is not reentrant. Enter before
/// beginning the database transaction and leave after it ended: SQLite changes <c>synchronous</c> only outside a
/// transaction. On PostgreSQL, which locks rows, everyone is admitted at once.
/// </remarks>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim? _semaphore;
    private readonly GroupCommit? _groupCommit;

    /// <summary>A gate that queues writers (<paramref name="serialize"/>) or admits everyone.</summary>
    public StoreWriteGate(bool serialize, GroupCommit? groupCommit = null)
    {
        _semaphore = serialize ? new SemaphoreSlim(1, 1) : null;
        _groupCommit = groupCommit;
    }

    /// <summary>Waits for the turn to write; dispose the lease once the write transaction has ended.</summary>
    public async ValueTask<Lease> EnterAsync(QapiDbContext db, CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken);
        if (_groupCommit is not { Enabled: true } || db.Database.CurrentTransaction is not null)
        {
            // Inside a caller's transaction the setting cannot change: that commit syncs on its own.
            return new Lease(_semaphore, null, null);
        }

        var opened = false;
        try
        {
            _groupCommit.WriteStarted();
            await db.Database.OpenConnectionAsync(cancellationToken);
            opened = true;
            SetSynchronous(db, "NORMAL");
            return new Lease(_semaphore, _groupCommit, db);
        }
        catch
        {
            try
            {
                if (opened)
                {
                    SetSynchronous(db, "FULL");
                    await db.Database.CloseConnectionAsync();
                }
            }
            finally
            {
                _groupCommit.WriteEnded();
                _semaphore.Release();
            }

            throw;
        }
    }

    private static void SetSynchronous(QapiDbContext db, string level)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous = " + level + ";";
        command.ExecuteNonQuery();
    }

    /// <summary>A turn to write; disposing it lets the next writer in.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly SemaphoreSlim? _semaphore;
        private readonly GroupCommit? _groupCommit;
        private readonly QapiDbContext? _db;

        internal Lease(SemaphoreSlim semaphore, GroupCommit? groupCommit, QapiDbContext? db)
        {
            _semaphore = semaphore;
            _groupCommit = groupCommit;
            _db = db;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            try
            {
                if (_db is not null)
                {
                    // Back to syncing every commit, for writes that do not take the gate. Should this fail, the
                    // connection setup sets it again whenever the connection is next opened from the pool.
                    SetSynchronous(_db, "FULL");
                    _db.Database.CloseConnection();
                }
            }
            finally
            {
                _groupCommit?.WriteEnded();
                _semaphore?.Release();
            }
        }
    }
}

