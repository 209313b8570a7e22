using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Server.Hosting;

namespace Qapi.Server.Tests.Storage;

/// <summary>Every SQLite connection the server opens waits for a locked database and syncs as configured.</summary>
public sealed class SqliteSettingsTests
{
    [Theory]
    [InlineData(null, 2L)]
    [InlineData("normal", 1L)]
    [InlineData("FULL", 2L)]
    public async Task Connections_WaitThroughBusyTimeout_AndSyncAsConfigured(string? synchronous, long expected)
    {
        await using var server = await StartAsync(synchronous);

        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        Assert.Equal(expected, await ScalarAsync(db, """SELECT "synchronous" AS "Value" FROM pragma_synchronous"""));
        Assert.Equal(30_000L, await ScalarAsync(db, """SELECT "timeout" AS "Value" FROM pragma_busy_timeout"""));
    }

    [Fact]
    public async Task UnknownSynchronousSetting_IsRefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var server = await StartAsync("off");
        });
        Assert.Contains("SqliteSynchronous", error.Message, StringComparison.Ordinal);
    }

    private static async Task<StartedServer> StartAsync(string? synchronous)
    {
        var directory = Path.Combine(Path.GetTempPath(), "qapi-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Qapi:DataDirectory={directory}",
            .. synchronous is null ? Array.Empty<string>() : [$"--Qapi:Storage:SqliteSynchronous={synchronous}"],
        ];
        var server = new StartedServer(directory);
        server.App = QapiApp.Create(args);
        await server.App.StartAsync();
        return server;
    }

    private static async Task<long> ScalarAsync(QapiDbContext db, string sql)
    {
        // The connection is opened by EF, as for every query the server makes.
        var values = await db.Database.SqlQueryRaw<long>(sql).ToListAsync();
        return values.Single();
    }

    private sealed class StartedServer(string directory) : IAsyncDisposable
    {
        public Microsoft.AspNetCore.Builder.WebApplication App { get; set; } = null!;

        public async ValueTask DisposeAsync()
        {
            if (App is not null)
            {
                await Support.SignedTransactionCollector.CollectAsync(App.Services, nameof(SqliteSettingsTests));
                await App.StopAsync();
                await App.DisposeAsync();
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
