using System.Collections.Concurrent;

namespace Qapi.Data.Broadcast;

/// <summary>
/// Per transaction, the RPC failures since its last success: when to try again (exponential backoff) and which
/// failure was last recorded as an event, so a long outage writes one event per distinct cause rather than one
/// per attempt. Kept in memory: after a restart a transaction is tried at once and its failure recorded anew.
/// </summary>
public sealed class BroadcastRetries(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failure> _failures = new(StringComparer.Ordinal);

    /// <summary>Whether the transaction may be tried now.</summary>
    public bool IsDue(string txId) =>
        !_failures.TryGetValue(txId, out var failure) || failure.NextAttempt <= clock.GetUtcNow();

    /// <summary>
    /// Records a failed attempt and schedules the next one; returns the attempt count, the delay, and whether the
    /// cause differs from the last one recorded (and so deserves an event).
    /// </summary>
    public (int Attempts, TimeSpan Delay, bool IsNewCause) Fail(
        string txId, string cause, TimeSpan pollInterval, TimeSpan maxDelay)
    {
        var previous = _failures.GetValueOrDefault(txId);
        var attempts = (previous?.Attempts ?? 0) + 1;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(pollInterval.Ticks * factor, maxDelay.Ticks));
        _failures[txId] = new Failure(attempts, clock.GetUtcNow() + delay, cause);
        return (attempts, delay, previous?.Cause != cause);
    }

    /// <summary>Forgets the failures of a transaction that went through.</summary>
    public void Succeeded(string txId) => _failures.TryRemove(txId, out _);

    private sealed record Failure(int Attempts, DateTimeOffset NextAttempt, string Cause);
}
