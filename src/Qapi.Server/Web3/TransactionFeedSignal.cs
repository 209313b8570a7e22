using Qapi.Data.Transactions;

namespace Qapi.Server.Web3;

/// <summary>
/// Wakes live feeds when events are committed in this process. Feeds also poll the store now and then, so events
/// written by another node reach them too.
/// </summary>
public sealed class TransactionFeedSignal : ITransactionNotifier
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastEventId;

    /// <summary>The highest event id known committed here.</summary>
    public long LastEventId => Interlocked.Read(ref _lastEventId);

    public void EventsCommitted(long lastEventId)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastEventId);
        }
        while (lastEventId > seen && Interlocked.CompareExchange(ref _lastEventId, lastEventId, seen) != seen);

        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes at the next commit, or after the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        await Task.WhenAny(next, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }
}
