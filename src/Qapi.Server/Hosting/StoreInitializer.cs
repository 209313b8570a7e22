using System.Text.Json;
using Microsoft.Extensions.Options;
using Qapi.Core.Security;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Configuration;

namespace Qapi.Server.Hosting;

/// <summary>
/// Before the server listens: applies migrations and, in an empty sandbox, bootstraps the demo organization,
/// printing its key once and writing it to demo-credentials.json (owner-only) in the data directory.
/// </summary>
internal sealed partial class StoreInitializer(
    IServiceProvider services,
    IOptions<QapiOptions> options,
    IConfiguration configuration,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public const string CredentialsFileName = "demo-credentials.json";

    /// <summary>The demo administrator's credentials, in the form <c>qapi --credentials</c> reads.</summary>
    public const string AdminCredentialsFileName = "demo-admin.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        await StorageRegistration.MigrateAsync(db, cancellationToken);
        var qapi = options.Value;
        LogStoreReady(logger, qapi.Environment, qapi.Storage.Provider);
        if (StorageRegistration.StartGroupCommit(services) is { } reason)
        {
            LogNoGroupCommit(logger, reason);
        }

        if (!qapi.IsSandbox && string.IsNullOrWhiteSpace(qapi.KeyEncryptionKey))
        {
            LogKeyBesideStore(logger, qapi.KeyFilePath);
        }

        scope.ServiceProvider.GetRequiredService<Qapi.Data.Audit.AuditActor>().Name = "bootstrap";
        var bootstrapper = scope.ServiceProvider.GetRequiredService<DemoBootstrapper>();
        if (!qapi.IsSandbox || !qapi.BootstrapDemo || !await bootstrapper.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var demo = await bootstrapper.BootstrapAsync(cancellationToken);
        // The demo's key is handed out below: it must be on disk first.
        await scope.ServiceProvider.GetRequiredService<GroupCommit>().WaitAsync();
        var baseUrl = BaseUrl(qapi, configuration);
        var path = Path.Combine(qapi.ResolvedDataDirectory, CredentialsFileName);
        var document = new Dictionary<string, string>
        {
            ["server"] = baseUrl,
            ["baseUrl"] = baseUrl + "/qapi/v1",
            ["apiKey"] = demo.ApiKey,
            ["secret"] = demo.Secret,
            ["organizationId"] = demo.OrganizationId,
            ["walletId"] = demo.WalletId,
            ["walletAddress"] = demo.WalletAddress,
            ["accountId"] = demo.OrganizationId,
        };
        OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(document, IndentedJson) + "\n");
        var adminPath = Path.Combine(qapi.ResolvedDataDirectory, AdminCredentialsFileName);
        var admin = new Dictionary<string, string>
        {
            ["server"] = baseUrl,
            ["apiKey"] = demo.AdminApiKey,
            ["secret"] = demo.AdminSecret,
            ["accountId"] = demo.AdministratorId,
        };
        OwnerOnlyFile.WriteAllText(adminPath, JsonSerializer.Serialize(admin, IndentedJson) + "\n");
        LogDemoCreated(logger, demo.OrganizationId, demo.ApiKey, path);

        // The secret goes to the operator's terminal once, never through the logger.
        Console.Out.WriteLine($"""

            Demo organization created. Its API key is shown this once (also saved, owner-only, in {path}):
              base URL  {baseUrl}/qapi/v1
              API key   {demo.ApiKey}
              secret    {demo.Secret}
            The organization's administrator, alice, has an admin key for the admin API and the CLI:
              qapi org show {demo.OrganizationId} --credentials {adminPath}

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static string BaseUrl(QapiOptions qapi, IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(qapi.PublicBaseUrl))
        {
            return qapi.PublicBaseUrl.TrimEnd('/');
        }

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? QapiApp.DefaultUrl;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('/');
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Store ready for the {Environment} environment on {Provider}")]
    private static partial void LogStoreReady(ILogger logger, string environment, string provider);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Bootstrapped demo organization {OrganizationId} with API key {KeyId}; credentials in {Path}")]
    private static partial void LogDemoCreated(ILogger logger, string organizationId, string keyId, string path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "SQLite commits are not grouped ({Reason}): every write transaction syncs on its own, more slowly")]
    private static partial void LogNoGroupCommit(ILogger logger, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "The key that encrypts seeds and API secrets is in {Path}, beside the database: a copy of the data "
            + "directory holds both. In production, set Qapi:KeyEncryptionKey from a secret store instead")]
    private static partial void LogKeyBesideStore(ILogger logger, string path);
}
