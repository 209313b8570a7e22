using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Qapi.Server.Hosting;
using Qapi.Server.Tests.Support;

namespace Qapi.Cli.Tests;

/// <summary>A sandbox server on a free port over a new, empty store: no demo organization, no keys.</summary>
public sealed class EmptyServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "qapi-cli-empty-" + Guid.NewGuid().ToString("N"));

    /// <summary>The server's base URL, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _app = QapiApp.Create(["--Qapi:DataDirectory=" + DataDirectory, "--Qapi:BootstrapDemo=false",
            "--urls=http://127.0.0.1:0"]);
        await _app.StartAsync();
        Origin = _app.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            // Before the store goes: every transaction this server signed is checked by ethers when the run ends.
            await SignedTransactionCollector.CollectAsync(_app.Services,
                $"EmptyServerFixture {Path.GetFileName(DataDirectory)}");
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
