using Microsoft.Data.Sqlite;
using Qapi.Data;
using Qapi.Server.Configuration;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Store;

/// <summary>
/// The server's store, opened from the operator's machine with the configuration <c>qapi serve</c> reads
/// (appsettings.json, <c>Qapi__*</c> environment variables, then the flags), so both see the same database and
/// key-encryption key. It refuses to create a store: a typo in <c>--data</c> must not start an empty one.
/// </summary>
internal sealed class OperatorStore : IAsyncDisposable
{
    private readonly IHost _host;

    private OperatorStore(IHost host)
    {
        _host = host;
    }

    public static async Task<OperatorStore> OpenAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        // The web host also reads ASPNETCORE_ENVIRONMENT; honoring it here picks the same appsettings.{name}.json.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });

        // Standard output carries the command's result; framework warnings go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var qapi = builder.Configuration.GetSection("Qapi").Get<QapiOptions>() ?? new QapiOptions();
        var dataDirectory = qapi.ResolvedDataDirectory;
        RequireExistingStore(qapi, dataDirectory);

        builder.Services.AddQapiStore(qapi);

        var store = new OperatorStore(builder.Build());
        await using var scope = store.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        await StorageRegistration.MigrateAsync(db, cancellationToken);
        return store;
    }

    public AsyncServiceScope CreateScope() => _host.Services.CreateAsyncScope();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void RequireExistingStore(QapiOptions qapi, string dataDirectory)
    {
        var hint = "start `qapi serve` once to create it, or point --data/--environment at the right one.";
        if (string.IsNullOrWhiteSpace(qapi.KeyEncryptionKey) && !File.Exists(qapi.KeyFilePath))
        {
            throw new CliInputException($"No key-encryption key at {qapi.KeyFilePath}: {hint}");
        }

        if (!qapi.Storage.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var connection = StorageRegistration.SqliteConnectionString(qapi.Storage, dataDirectory);
        var database = new SqliteConnectionStringBuilder(connection).DataSource;
        if (!File.Exists(database))
        {
            throw new CliInputException($"No database at {database}: {hint}");
        }
    }
}
