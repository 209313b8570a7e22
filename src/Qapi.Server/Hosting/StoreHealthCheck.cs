using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qapi.Data;

namespace Qapi.Server.Hosting;

/// <summary>Ready when the store answers.</summary>
internal sealed class StoreHealthCheck(QapiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
