using Microsoft.Data.Sqlite;

namespace Qapi.Cli.Tests;

/// <summary>
/// <c>qapi audit verify</c> on the store of a running server: an intact chain passes, and an edited, a removed
/// middle or a removed last entry fails and is named.
/// </summary>
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
    public async Task Verify_NamesAnEntryRemovedFromTheMiddleAsMissing()
    {
        await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "balance");
        await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "balance");
        var middle = long.Parse(Scalar("SELECT CAST(MAX(\"Id\") - 1 AS TEXT) FROM \"AuditEntries\""));

        var broken = await WhileRemovedAsync(middle, () => RunAsync("audit", "verify"));

        Assert.Equal(ExitCodes.RequestFailed, broken.ExitCode);
        Assert.Contains($"Audit log broken at entry {middle}: entry {middle} is missing.", broken.Error);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Verify_NamesTheLastEntryWhenItWasRemoved()
    {
        await RunAsync("keys", "create", "--account", server.OrganizationId, "--permissions", "balance");
        var last = long.Parse(Scalar("SELECT CAST(MAX(\"Id\") AS TEXT) FROM \"AuditEntries\""));

        var broken = await WhileRemovedAsync(last, () => RunAsync("audit", "verify"));

        Assert.Equal(ExitCodes.RequestFailed, broken.ExitCode);
        Assert.Contains($"Audit log broken at entry {last}: entry {last} is missing", broken.Error);
        Assert.Contains($"its head records {last}", broken.Error);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Verify_PrintsTheLastEntry_AndChecksAnEntryRecordedEarlier()
    {
        var intact = await RunAsync("audit", "verify");
        var last = intact.Out.Split('\n').Single(l => l.StartsWith("Last entry: ", StringComparison.Ordinal))
            ["Last entry: ".Length..];
        var id = last.Split(':')[0];

        var held = await RunAsync("audit", "verify", "--expect", last);
        var rewritten = await RunAsync("audit", "verify", "--expect", $"{id}:{new string('a', 64)}");
        var malformed = await RunAsync("audit", "verify", "--expect", "12");

        Assert.Equal(ExitCodes.Ok, held.ExitCode);
        Assert.Equal(ExitCodes.RequestFailed, rewritten.ExitCode);
        Assert.Contains($"Audit log broken at entry {id}: entry {id} is not the entry recorded as", rewritten.Error);
        Assert.Equal(ExitCodes.BadInput, malformed.ExitCode);
        Assert.Contains("--expect takes ID:HASH", malformed.Error);
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

    /// <summary>Deletes an entry, runs <paramref name="work"/>, and puts the entry back exactly as it was.</summary>
    private async Task<T> WhileRemovedAsync<T>(long id, Func<Task<T>> work)
    {
        // The copy lives in a temporary table of this connection, which stays open until the entry is back.
        using var connection = Open();
        Execute(connection, $"CREATE TEMP TABLE removed AS SELECT * FROM \"AuditEntries\" WHERE \"Id\" = {id}");
        Execute(connection, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}");
        try
        {
            return await work();
        }
        finally
        {
            Execute(connection, "INSERT INTO \"AuditEntries\" SELECT * FROM temp.removed");
            Execute(connection, "DROP TABLE temp.removed");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
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
