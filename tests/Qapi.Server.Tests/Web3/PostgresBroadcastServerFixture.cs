using Npgsql;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// The broadcasting server on PostgreSQL (the store several server nodes share), in a database of its own, when
/// QAPI_TEST_POSTGRES names a server (CI starts one).
/// </summary>
public sealed class PostgresBroadcastServerFixture : BroadcastServerFixture
{
    private static readonly string? AdminConnection = Environment.GetEnvironmentVariable("QAPI_TEST_POSTGRES");
    private readonly string _database = "qapi_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string? SkipReason =>
        string.IsNullOrEmpty(AdminConnection) ? "QAPI_TEST_POSTGRES is not set; .ci/run sets it." : null;

    protected override IEnumerable<string> StorageArguments =>
    [
        "--Qapi:Storage:Provider=postgres",
        $"--Qapi:Storage:ConnectionString={new NpgsqlConnectionStringBuilder(AdminConnection)
            { Database = _database }}",
    ];

    protected override async Task StartAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {_database}");
        await base.StartAsync();
    }

    protected override async Task StopAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        await base.StopAsync();
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
