using Microsoft.Extensions.Options;
using Qapi.Data.Broadcast;

namespace Qapi.Server.Hosting;

/// <summary>
/// Broadcasts signed transactions of every chain with a configured RPC endpoint and follows them to
/// confirmation. Idle when no endpoint is configured.
/// </summary>
internal sealed partial class BroadcastWorker(
    IServiceProvider services,
    IOptions<BroadcastOptions> options,
    TimeProvider clock,
    ILogger<BroadcastWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Endpoints.Count == 0)
        {
            return;
        }

        LogStarted(logger, string.Join(", ", settings.Endpoints.Keys), settings.Confirmations);
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        do
        {
            foreach (var (chainId, endpoint) in settings.Endpoints)
            {
                await RunChainAsync(chainId, endpoint, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunChainAsync(string chainId, Uri endpoint, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BroadcastService>()
                .RunAsync(chainId, endpoint, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One chain's fault (the store busy, a bug) must not stop the others nor the next pass.
            LogPassFailed(logger, e, chainId);
        }
    }

    [LoggerMessage(EventId = 2290, Level = LogLevel.Information,
        Message = "Broadcasting to chains {Chains}; confirmed after {Confirmations} blocks")]
    private static partial void LogStarted(ILogger logger, string chains, int confirmations);

    [LoggerMessage(EventId = 2291, Level = LogLevel.Error, Message = "Broadcast pass over chain {ChainId} failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string chainId);
}
