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
            await using var scope = services.CreateAsyncScope();
            var expired = await scope.ServiceProvider.GetRequiredService<TransactionExpiryService>()
                .ExpireDueAsync(stoppingToken);
            if (expired > 0)
            {
                LogExpired(logger, expired);
            }
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Expired {Count} pending transactions")]
    private static partial void LogExpired(ILogger logger, int count);
}
