using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qapi.Data;

/// <summary>
/// Configures each SQLite connection once, the first time EF opens it (pooled connections keep their settings).
/// It sets <c>busy_timeout</c>: without it, a writer that finds the database locked by another writer gets
/// SQLITE_BUSY at once, and Microsoft.Data.Sqlite retries only after a fixed 150 ms sleep, which under concurrent
/// writes turned a lock held for a millisecond into hundreds of milliseconds of latency. With it, SQLite's own
/// busy handler retries within a few milliseconds, for as long as the connection's default timeout. It also sets
/// <c>synchronous</c>, which SQLite keeps per connection, as configured
/// (<see cref="StorageOptions.SqliteSynchronous"/>).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly string _synchronous;

    /// <summary>Sets <c>synchronous</c> to <c>FULL</c> or <c>NORMAL</c>.</summary>
    /// <exception cref="InvalidOperationException">Any other value.</exception>
    public SqliteConnectionSetup(string synchronous)
    {
        _synchronous = synchronous.Trim().ToUpperInvariant() switch
        {
            "FULL" => "FULL",
            "NORMAL" => "NORMAL",
            _ => throw new InvalidOperationException(
                $"Unknown Qapi:Storage:SqliteSynchronous '{synchronous}': use full (the default) or normal."),
        };
    }

    /// <summary>Whether commits sync the write-ahead log (<c>full</c>).</summary>
    public bool IsFull => _synchronous == "FULL";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Configure(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        if (_configured.TryGetValue(handle, out _))
        {
            // Set again on every open: a connection that a group-commit turn left at NORMAL (its restore failed)
            // must not commit without a sync for whoever takes it from the pool next.
            command.CommandText = "PRAGMA synchronous = " + _synchronous + ";";
            command.ExecuteNonQuery();
            return;
        }

        var milliseconds = (long)sqlite.DefaultTimeout * 1000;
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {milliseconds}; PRAGMA synchronous = {_synchronous};");
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
