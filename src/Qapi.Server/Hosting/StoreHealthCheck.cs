using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qapi.Data;

namespace Qapi.Server.Hosting;

/// <summary>Ready when the store answers and its commits can be synced to disk.</summary>
internal sealed class StoreHealthCheck(QapiDbContext db, GroupCommit groupCommit) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (groupCommit.Failure is not null)
        {
            return HealthCheckResult.Unhealthy("The store's write-ahead log could not be synced to disk.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store does not answer.");
    }
}
