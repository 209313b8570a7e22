using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Qapi.Server.Hosting;
using Qapi.Server.Tests.Support;

namespace Qapi.Cli.Tests;

/// <summary>
/// A sandbox server on a free port over a temporary data directory, as `qapi serve` leaves it: migrated, with the
/// demo organization and its credentials file. The operator commands then work on the same store.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "qapi-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string BaseUrl { get; private set; } = "";

    public string DemoApiKey { get; private set; } = "";

    public string DemoSecret { get; private set; } = "";

    public string OrganizationId { get; private set; } = "";

    public string WalletId { get; private set; } = "";

    public string WalletAddress { get; private set; } = "";

    /// <summary>The server's services, to seed its store the way the server does.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The server's own base URL, without the <c>/qapi/v1</c> path.</summary>
    public string Origin => BaseUrl[..^"/qapi/v1".Length];

    public async ValueTask InitializeAsync()
    {
        _app = QapiApp.Create(["--Qapi:DataDirectory=" + DataDirectory, "--urls=http://127.0.0.1:0"]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/') + "/qapi/v1";

        var path = Path.Combine(DataDirectory, "demo-credentials.json");
        using var credentials = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var root = credentials.RootElement;
        DemoApiKey = root.GetProperty("apiKey").GetString()!;
        DemoSecret = root.GetProperty("secret").GetString()!;
        OrganizationId = root.GetProperty("organizationId").GetString()!;
        WalletId = root.GetProperty("walletId").GetString()!;
        WalletAddress = root.GetProperty("walletAddress").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            // Before the store goes: every transaction this server signed is checked by ethers when the run ends.
            await SignedTransactionCollector.CollectAsync(_app.Services,
                $"ServerFixture {Path.GetFileName(DataDirectory)}");
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
