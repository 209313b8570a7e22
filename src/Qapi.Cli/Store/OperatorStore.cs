using Microsoft.Data.Sqlite;
using Qapi.Data;
using Qapi.Server.Configuration;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Store;

/// <summary>
/// The server's store, opened from the operator's machine with the configuration <c>qapi serve</c> reads
/// (appsettings.json, <c>Qapi__*</c> environment variables, then the flags), so both see the same database and
/// key-encryption key. It refuses to create a store, since a typo in <c>--data</c> must not start an empty one;
/// only <c>qapi restore</c>, whose job is to fill a fresh one, asks it to.
/// </summary>
internal sealed class OperatorStore : IAsyncDisposable
{
    private const string Hint =
        "start `qapi serve` once to create it, or point --data/--environment at the right one.";

    private readonly IHost _host;

    private OperatorStore(IHost host, QapiOptions options)
    {
        _host = host;
        Options = options;
    }

    /// <summary>The configuration the store was opened with (environment, data directory, storage).</summary>
    public QapiOptions Options { get; }

    public static Task<OperatorStore> OpenAsync(string[] configurationArgs, CancellationToken cancellationToken) =>
        OpenAsync(configurationArgs, createIfMissing: false, cancellationToken);

    /// <summary>
    /// Opens the store; with <paramref name="createIfMissing"/>, creates it first (an owner-only data directory,
    /// a key-encryption key and a migrated database), as <c>qapi restore</c> needs on a fresh machine.
    /// </summary>
    public static async Task<OperatorStore> OpenAsync(
        string[] configurationArgs, bool createIfMissing, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(configurationArgs);

        // Standard output carries the command's result; framework warnings go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var qapi = Read(builder.Configuration);
        if (!createIfMissing && Missing(qapi) is { } missing)
        {
            throw new CliInputException($"{missing}: {Hint}");
        }

        if (createIfMissing)
        {
            CreateDataDirectory(qapi.ResolvedDataDirectory);
        }

        builder.Services.AddQapiStore(qapi);

        var store = new OperatorStore(builder.Build(), qapi);
        await using var scope = store.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        await StorageRegistration.MigrateAsync(db, cancellationToken);
        return store;
    }

    /// <summary>
    /// Reads the configuration without opening anything: the options, and what part of the store is missing
    /// (null when it exists).
    /// </summary>
    public static (QapiOptions Options, string? Missing) Locate(string[] configurationArgs)
    {
        var qapi = Read(CreateBuilder(configurationArgs).Configuration);
        return (qapi, Missing(qapi));
    }

    public AsyncServiceScope CreateScope() => _host.Services.CreateAsyncScope();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    // The web host also reads ASPNETCORE_ENVIRONMENT; honoring it here picks the same appsettings.{name}.json.
    private static HostApplicationBuilder CreateBuilder(string[] configurationArgs) =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });

    private static QapiOptions Read(IConfiguration configuration)
    {
        var qapi = configuration.GetSection("Qapi").Get<QapiOptions>() ?? new QapiOptions();
        qapi.EnsureValid();
        return qapi;
    }

    private static void CreateDataDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string? Missing(QapiOptions qapi)
    {
        if (string.IsNullOrWhiteSpace(qapi.KeyEncryptionKey) && !File.Exists(qapi.KeyFilePath))
        {
            return $"No key-encryption key at {qapi.KeyFilePath}";
        }

        if (!qapi.Storage.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var connection = StorageRegistration.SqliteConnectionString(qapi.Storage, qapi.ResolvedDataDirectory);
        var database = new SqliteConnectionStringBuilder(connection).DataSource;
        return File.Exists(database) ? null : $"No database at {database}";
    }
}
