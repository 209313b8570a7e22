using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qapi.Server.Hosting;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// A real Qapi server listening on a loopback port, over a fresh data directory, with its logs captured.
/// A test-only <c>POST /qapi/v1/test/echo</c> stands in for a state-changing endpoint.
/// </summary>
public class QapiServerFixture : IAsyncLifetime
{
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "qapi-tests", Guid.NewGuid().ToString("N"));

    public CapturedLogs Logs { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public string Origin { get; private set; } = "";

    public string ApiBaseUrl => Origin + "/qapi/v1";

    public HttpClient Http { get; } = new();

    public DemoCredentialsFile Demo { get; private set; } = null!;

    public SignedClient DemoClient => new(Http, ApiBaseUrl, Demo.ApiKey, Demo.Secret);

    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>Whether this server could be started here (a PostgreSQL one needs a database server).</summary>
    public virtual bool Available => true;

    public async ValueTask InitializeAsync()
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Qapi:DataDirectory={DataDirectory}",
            .. ExtraArguments,
        ];
        App = QapiApp.Create(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        });
        App.MapPost("/qapi/v1/test/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Ok(new { received = (await reader.ReadToEndAsync()).Length });
        });
        await App.StartAsync();

        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        Origin = address.TrimEnd('/');
        // A production server bootstraps no demo organization, so it has no demo credentials.
        var credentials = Path.Combine(DataDirectory, StoreInitializer.CredentialsFileName);
        if (File.Exists(credentials))
        {
            Demo = JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(credentials))!;
        }
    }

    public SignedClient ClientFor(string keyId, string secret) => new(Http, ApiBaseUrl, keyId, secret);

    /// <summary>
    /// Runs work against the server's own services, in a scope (to seed data the way the server does).
    /// </summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        // Before the store goes: every transaction this server signed is checked by ethers when the run ends.
        await SignedTransactionCollector.CollectAsync(App.Services,
            $"{GetType().Name} {Path.GetFileName(DataDirectory)[..8]}");
        await App.StopAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
