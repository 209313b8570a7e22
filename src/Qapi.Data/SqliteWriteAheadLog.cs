using Microsoft.Data.Sqlite;

namespace Qapi.Data;

/// <summary>
/// The write-ahead log of a SQLite database in WAL mode, as <see cref="GroupCommit"/> syncs it. The path is the one
/// SQLite itself opened (symbolic links and URI file names resolved), and a connection stays open for as long as
/// this object lives, so that SQLite never deletes the log and the descriptor kept here always names the file that
/// commits are written to. That one descriptor also sees a write-back error the kernel reports only once.
/// </summary>
internal sealed class SqliteWriteAheadLog : IWriteAheadLog
{
    private readonly SqliteConnection _keeper;
    private readonly FileStream _log;

    private SqliteWriteAheadLog(SqliteConnection keeper, FileStream log)
    {
        _keeper = keeper;
        _log = log;
    }

    /// <summary>The path of the log file.</summary>
    public string Path => _log.Name;

    /// <summary>
    /// Opens the log of the database the connection string names; null, with the reason, where grouping commits
    /// would not hold: an in-memory or shared-cache database, or one that is not in WAL mode.
    /// </summary>
    public static SqliteWriteAheadLog? TryOpen(string connectionString, out string? reason)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        if (settings.Mode == SqliteOpenMode.Memory || settings.DataSource is "" or ":memory:")
        {
            reason = "the database is in memory";
            return null;
        }

        if (settings.Cache == SqliteCacheMode.Shared)
        {
            // With a shared cache, synchronous is a setting of the shared pager: one gated writer's NORMAL would
            // silence every other connection's syncs.
            reason = "the connection string asks for a shared cache";
            return null;
        }

        var keeper = new SqliteConnection(connectionString);
        try
        {
            keeper.Open();
            using var mode = keeper.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode;";
            if (!string.Equals(mode.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                reason = "the database is not in WAL mode";
                keeper.Dispose();
                return null;
            }

            // A read opens the log (and creates it if need be) for this connection.
            mode.CommandText = "SELECT count(*) FROM sqlite_master;";
            mode.ExecuteScalar();
            var path = keeper.DataSource + "-wal";
            var log = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0);
            reason = null;
            return new SqliteWriteAheadLog(keeper, log);
        }
        catch
        {
            keeper.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Sync() => _log.Flush(flushToDisk: true);

    /// <inheritdoc />
    public void Dispose()
    {
        _log.Dispose();
        _keeper.Dispose();
    }
}
