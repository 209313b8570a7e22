namespace Qapi.Data;

/// <summary>
/// Queues this process's write transactions when the store is SQLite, which admits one writer at a time. Without
/// the queue, concurrent writers find the database locked and poll for it (SQLite's busy handler sleeps 1 to 100 ms
/// between tries), blocking a thread each, so the lock sits idle between a commit and the next poll. Here a waiting
/// writer awaits without a thread and starts as soon as the previous one is done, in arrival order.
/// </summary>
/// <remarks>
/// This is about speed, not correctness: the database lock still serializes writers, including those that do not
/// take the gate (other processes such as <c>qapi</c> commands, and rare writes), which wait through
/// <c>busy_timeout</c>. A holder must not enter again before leaving: the gate is not reentrant. On PostgreSQL,
/// which locks rows, everyone is admitted at once.
/// </remarks>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim? _semaphore;

    /// <summary>A gate that queues writers (<paramref name="serialize"/>) or admits everyone.</summary>
    public StoreWriteGate(bool serialize)
    {
        _semaphore = serialize ? new SemaphoreSlim(1, 1) : null;
    }

    /// <summary>Waits for the turn to write; dispose the lease once the write transaction has ended.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Lease(_semaphore);
    }

    /// <summary>A turn to write; disposing it lets the next writer in.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly SemaphoreSlim? _semaphore;

        internal Lease(SemaphoreSlim semaphore)
        {
            _semaphore = semaphore;
        }

        /// <inheritdoc />
        public void Dispose() => _semaphore?.Release();
    }
}
