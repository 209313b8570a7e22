using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qapi.Server.Tests.Audit;

/// <summary>
/// Runs an action once, just before the first query that reads audit entries: on the verifier's context, a seam
/// that commits an append between its read of the chain's head and its walk of the entries.
/// </summary>
internal sealed class BeforeEntryScan(Func<Task> action) : DbCommandInterceptor
{
    private int _fired;

    /// <summary>Whether the action ran.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM \"AuditEntries\"", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await action();
        }

        return result;
    }
}
