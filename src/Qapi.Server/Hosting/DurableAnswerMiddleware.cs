using Qapi.Data;

namespace Qapi.Server.Hosting;

/// <summary>
/// Holds every answer until what it reports is on disk (<see cref="GroupCommit"/>): the request's own commits and
/// any other commit it may have read. Registered first, so that its wait runs after every other callback that
/// writes as the answer starts (a deferred replay record, for one). Without a group commit it costs nothing.
/// </summary>
internal sealed class DurableAnswerMiddleware(RequestDelegate next, GroupCommit groupCommit)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (groupCommit.Enabled)
        {
            context.Response.OnStarting(static state => ((GroupCommit)state).WaitAsync().AsTask(), groupCommit);
        }

        return next(context);
    }
}
