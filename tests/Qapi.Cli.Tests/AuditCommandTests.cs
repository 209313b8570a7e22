using Microsoft.Data.Sqlite;

namespace Qapi.Cli.Tests;

[Collection(ServerCollection.Name)]
public sealed class AuditCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Verify_PassesOnAnIntactChain_AndNamesAnEditedEntry()
    {
        var intact = await RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Ok, intact.ExitCode);
        Assert.Contains("intact", intact.Out);

        var original = Scalar("SELECT \"Detail\" FROM \"AuditEntries\" WHERE \"Id\" = 2");
        Execute("UPDATE \"AuditEntries\" SET \"Detail\" = '{\"edited\":true}' WHERE \"Id\" = 2");
        try
        {
            var broken = await RunAsync("audit", "verify");
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("entry 2", broken.Error);
        }
        finally
        {
            var quoted = original.Replace("'", "''", StringComparison.Ordinal);
            Execute($"UPDATE \"AuditEntries\" SET \"Detail\" = '{quoted}' WHERE \"Id\" = 2");
        }

        Assert.Equal(ExitCodes.Ok, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task List_ShowsTheBootstrapAndOperatorChanges()
    {
        await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "balance");

        var list = await RunAsync("audit", "list", "--limit", "500");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains("bootstrap", list.Out);
        Assert.Contains("api_key.create", list.Out);
        Assert.Contains("operator", list.Out);
    }

    private string Scalar(string sql)
    {
        using var connection = Open();
        using var command = new SqliteCommand(sql, connection);
        return (string)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var path = Path.Combine(server.DataDirectory, "qapi.db");
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--data", server.DataDirectory]);
}
