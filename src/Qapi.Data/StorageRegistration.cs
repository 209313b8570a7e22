using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Qapi.Data;

/// <summary>
/// Registers the store for the configured provider; the domain sees only <see cref="QapiDbContext"/>.
/// </summary>
public static class StorageRegistration
{
    /// <summary>
    /// Adds a pooled <see cref="QapiDbContext"/> for the provider. A server passes <paramref name="groupCommit"/>:
    /// with SQLite and <c>synchronous=full</c> its gated writers then share syncs (<see cref="GroupCommit"/>), which
    /// only holds where every answer waits for them, as the server's do.
    /// </summary>
    public static IServiceCollection AddQapiStorage(
        this IServiceCollection services, StorageOptions options, string dataDirectory, bool groupCommit = false)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = SqliteConnectionString(options, dataDirectory);
                var setup = new SqliteConnectionSetup(options.SqliteSynchronous);
                // SQLite rebuilds a table to add a foreign key, with foreign keys off, outside the migration's
                // transaction; EF warns so on every fresh store. It matters only to an upgrade cut short, which the
                // README's note on upgrades covers (back up the data directory first).
                services.AddDbContextPool<SqliteQapiDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(setup)
                    .ConfigureWarnings(w => w.Log(
                        (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
                services.AddSingleton<GroupCommit>();
                if (groupCommit && setup.IsFull)
                {
                    services.AddSingleton(new GroupCommitPlan(sqlite));
                }

                services.AddSingleton(sp => new StoreWriteGate(serialize: true, sp.GetRequiredService<GroupCommit>()));
                services.AddScoped<QapiDbContext>(sp => sp.GetRequiredService<SqliteQapiDbContext>());
                break;
            case "postgres" or "postgresql":
                var postgres = options.ConnectionString
                    ?? throw new InvalidOperationException("Qapi:Storage:ConnectionString is required for postgres.");
                services.AddDbContextPool<PostgresQapiDbContext>(o => o.UseNpgsql(postgres));
                services.AddSingleton<GroupCommit>();
                services.AddSingleton(new StoreWriteGate(serialize: false));
                services.AddScoped<QapiDbContext>(sp => sp.GetRequiredService<PostgresQapiDbContext>());
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown storage provider '{options.Provider}': use sqlite or postgres.");
        }

        return services;
    }

    /// <summary>The SQLite connection string: the configured one, or a file in the data directory.</summary>
    public static string SqliteConnectionString(StorageOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "qapi.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return builder.ToString();
    }

    /// <summary>
    /// Starts the group commit that <see cref="AddQapiStorage"/> was asked for, once the store is migrated (and so
    /// in WAL mode); without it gated writers go on syncing their own commits. Null when it started or was not
    /// asked for, else why it could not start.
    /// </summary>
    public static string? StartGroupCommit(IServiceProvider services)
    {
        if (services.GetService<GroupCommitPlan>() is not { } plan)
        {
            return null;
        }

        var log = SqliteWriteAheadLog.TryOpen(plan.ConnectionString, out var reason);
        if (log is null)
        {
            return reason;
        }

        services.GetRequiredService<GroupCommit>().Attach(log);
        return null;
    }

    /// <summary>That the server asked for a group commit, over this SQLite database.</summary>
    private sealed record GroupCommitPlan(string ConnectionString);

    /// <summary>Applies pending migrations and, for SQLite, turns on write-ahead logging.</summary>
    public static async Task MigrateAsync(QapiDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits; the mode is persisted in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
