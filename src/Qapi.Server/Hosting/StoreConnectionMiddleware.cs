using Microsoft.EntityFrameworkCore;
using Qapi.Data;

namespace Qapi.Server.Hosting;

/// <summary>
/// Opens the store's connection once for a request on either channel instead of once per query: EF closes a
/// connection it opened itself after every command, and each reopening takes a handle from the pool and, on SQLite,
/// registers EF's SQL functions on it again. A Web3 request makes ten to twenty queries. WebSocket feeds are left
/// alone: they live for hours between queries, and on PostgreSQL each would hold a pooled connection all along.
/// </summary>
internal sealed class StoreConnectionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, QapiDbContext db)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
