using Microsoft.EntityFrameworkCore;

namespace Qapi.Data;

/// <summary>
/// The replay record of the current state-changing request, when its endpoint writes it in the same database
/// transaction as the change the request makes: one commit per request instead of two, and a replay of a request
/// whose change committed is refused by the same primary key as before. Until <see cref="Defer"/> is called (the
/// CLI, tests, endpoints that record the signature up front), every method here does nothing.
/// </summary>
public sealed class ReplayRecord
{
    private string? _hash;
    private long _expiresAt;

    /// <summary>Whether a record waits to be written: deferred, and not committed yet.</summary>
    public bool IsPending => _hash is not null;

    /// <summary>Leaves the record of this signature hash to the write transaction of the request.</summary>
    public void Defer(string hash, long expiresAt)
    {
        _hash = hash;
        _expiresAt = expiresAt;
    }

    /// <summary>
    /// Writes the pending record in the caller's open transaction; call <see cref="Committed"/> once it commits.
    /// </summary>
    /// <exception cref="RequestReplayedException">The signature was already recorded: roll back.</exception>
    public async Task WriteAsync(QapiDbContext db, CancellationToken cancellationToken)
    {
        if (_hash is null)
        {
            return;
        }

        if (await InsertAsync(db, _hash, _expiresAt, cancellationToken) == 0)
        {
            _hash = null;
            throw new RequestReplayedException();
        }
    }

    /// <summary>The transaction that wrote the record committed: nothing is left to write.</summary>
    public void Committed() => _hash = null;

    /// <summary>
    /// Writes the record on its own, for a request that ended without committing a change; false when the
    /// signature was already recorded (a concurrent twin got there first).
    /// </summary>
    public async Task<bool> WriteAloneAsync(
        QapiDbContext db, StoreWriteGate gate, CancellationToken cancellationToken)
    {
        if (_hash is null)
        {
            return true;
        }

        using var turn = await gate.EnterAsync(db, cancellationToken);
        var inserted = await InsertAsync(db, _hash, _expiresAt, cancellationToken);
        _hash = null;
        return inserted == 1;
    }

    /// <summary>
    /// Inserts the record unless its hash is there already; 1 when inserted, 0 when not. One statement, no change
    /// tracking, no exception for a replay: the primary key decides. Both dialects (SQLite 3.24+, PostgreSQL 9.5+)
    /// take ON CONFLICT; on PostgreSQL a concurrent twin's uncommitted row makes it wait for that twin's outcome.
    /// </summary>
    public static Task<int> InsertAsync(
        QapiDbContext db, string hash, long expiresAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "UsedSignatures" ("Hash", "ExpiresAt") VALUES ({hash}, {expiresAt})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
}
