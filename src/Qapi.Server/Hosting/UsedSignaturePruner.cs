using Microsoft.EntityFrameworkCore;
using Qapi.Data;

namespace Qapi.Server.Hosting;

/// <summary>Deletes replay records whose timestamps have left the window; they can no longer be accepted.</summary>
internal sealed partial class UsedSignaturePruner(
    IServiceProvider services, TimeProvider clock, ILogger<UsedSignaturePruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A fault escaping ExecuteAsync stops the whole host; a busy or unreachable store is tried next round.
                LogRoundFailed(logger, e, Interval.TotalSeconds);
            }
        }
    }

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var removed = await db.UsedSignatures.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
        if (removed > 0)
        {
            LogPruned(logger, removed);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Pruned {Count} expired replay records")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error,
        Message = "Pruning expired replay records failed; trying again in {IntervalSeconds} s")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double intervalSeconds);
}
