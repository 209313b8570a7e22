using System.Globalization;
using Qapi.Client.Models;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data.Transactions;
using Qapi.Server.Authentication;
using Qapi.Server.Errors;

namespace Qapi.Server.Web3;

/// <summary><c>GET /transactions/feed</c>: a WebSocket of transaction status changes (docs/feed.md).</summary>
internal static class TransactionFeedEndpoints
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static void MapTransactionFeedEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/transactions/feed", FeedAsync)
            .RequirePermission(ApiKeyPermissions.Web3)
            .WithName("TransactionFeed").WithTags("Web3 API")
            .WithSummary("WebSocket feed of transaction status changes; resume with after=<eventID>")
            .Produces<TxFeedStatus>();

    private static async Task<IResult> FeedAsync(
        HttpContext context, TransactionFeedReader reader, TransactionFeedSession session)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "websocket_required",
                "The feed is a WebSocket: send a GET with the Upgrade: websocket headers.");
        }

        var requester = context.Caller().Requester();
        var after = ResumePoint(context.Request) ?? await reader.PositionAsync(context.RequestAborted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await session.RunAsync(socket, requester, after, context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>The eventID to resume after, from <c>?after=</c> or the <c>Last-Event-ID</c> header.</summary>
    private static long? ResumePoint(HttpRequest request)
    {
        var given = request.Query["after"].Concat(request.Headers[LastEventIdHeader]).Distinct().ToList();
        if (given.Count == 0)
        {
            return null;
        }

        return given is [{ } text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw QapiError.Invalid("invalid_after",
                "after (or Last-Event-ID) is one eventID, a non-negative integer; when both are sent they agree.");
    }
}
