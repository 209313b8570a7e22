using Qapi.Data.Transactions;

namespace Qapi.Server.Hosting;

/// <summary>Expires pending transactions whose approval window has passed.</summary>
internal sealed partial class TransactionExpiryWorker(
    IServiceProvider services, TimeProvider clock, ILogger<TransactionExpiryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ExpireDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A fault escaping ExecuteAsync stops the whole host; a busy or unreachable store is tried next round.
                LogRoundFailed(logger, e, Interval.TotalSeconds);
            }
        }
    }

    private async Task ExpireDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<TransactionExpiryService>()
            .ExpireDueAsync(stoppingToken);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Expired {Count} pending transactions")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error,
        Message = "Expiring pending transactions failed; trying again in {IntervalSeconds} s")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double intervalSeconds);
}
