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
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var removed = await db.UsedSignatures.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
            if (removed > 0)
            {
                LogPruned(logger, removed);
            }
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Pruned {Count} expired replay records")]
    private static partial void LogPruned(ILogger logger, int count);
}
