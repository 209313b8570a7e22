using Npgsql;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Storage;

/// <summary>
/// A Qapi server on PostgreSQL, in a database of its own, when QAPI_TEST_POSTGRES names a server (CI starts one).
/// Without it the PostgreSQL tests are skipped, and say so.
/// </summary>
public sealed class PostgresServerFixture : QapiServerFixture, IAsyncLifetime
{
    private static readonly string? AdminConnection = Environment.GetEnvironmentVariable("QAPI_TEST_POSTGRES");
    private readonly string _database = "qapi_test_" + Guid.NewGuid().ToString("N")[..12];

    public override bool Available => !string.IsNullOrEmpty(AdminConnection);

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Qapi:Storage:Provider=postgres",
        $"--Qapi:Storage:ConnectionString={new NpgsqlConnectionStringBuilder(AdminConnection)
            { Database = _database, MaxPoolSize = 20 }}",
    ];

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        await ExecuteAsync($"CREATE DATABASE {_database}");
        await InitializeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (!Available)
        {
            return;
        }

        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
