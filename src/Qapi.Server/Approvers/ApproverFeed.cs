using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Data;
using Qapi.Data.Transactions;
using Qapi.Server.Errors;
using Qapi.Server.Web3;

namespace Qapi.Server.Approvers;

/// <summary>
/// The approver feed, a WebSocket: the list of actions awaiting the approver on connect, then each new one the
/// moment it is committed, and a <c>resolved</c> message when an announced one no longer awaits the approver.
/// </summary>
/// <remarks>
/// Each round compares the awaiting list with what this connection announced, instead of reading events after the
/// last event id seen: on PostgreSQL, event ids are taken at insert and can commit out of order, so an id cursor
/// could skip an event for good. The in-process signal wakes a round at once; a round also runs every second, for
/// transactions created on another node. A revoked key ends the feed at its next round.
/// </remarks>
internal sealed partial class ApproverFeed(
    TransactionFeedSignal signal,
    GroupCommit groupCommit,
    IHostApplicationLifetime lifetime,
    ILogger<ApproverFeed> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    public async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "websocket_required",
                "The approver feed is a WebSocket: open it with an Upgrade request.");
            return;
        }

        var caller = ApproverCaller.Of(context);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var clientGone = new CancellationTokenSource();
        var receiving = ReceiveUntilCloseAsync(socket, clientGone, context.RequestAborted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            clientGone.Token, context.RequestAborted, lifetime.ApplicationStopping);
        LogOpened(logger, caller.KeyId, caller.MemberId);

        var (status, reason) = (WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.");
        try
        {
            await PushAsync(context.RequestServices, socket, caller, stop.Token);
            (status, reason) = (WebSocketCloseStatus.PolicyViolation, "The approver key was revoked.");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, or the server is stopping.
        }
        catch (WebSocketException)
        {
            // The connection broke; there is nobody left to tell.
        }

        await CloseAsync(socket, status, reason, receiving);
        LogClosed(logger, caller.KeyId);
    }

    /// <summary>Pushes until cancelled; returns when the approver's key is revoked.</summary>
    private async Task PushAsync(
        IServiceProvider services, WebSocket socket, ApproverCaller caller, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<QapiDbContext>();
        var inbox = services.GetRequiredService<ApproverInbox>();
        var announced = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        while (true)
        {
            // Waiting starts before the store is read, so a commit during the read still wakes the next round.
            var wake = signal.WaitAsync(PollInterval, cancellationToken);
            if (!first && !await IsActiveAsync(db, caller.KeyId, cancellationToken))
            {
                // The revocation the approver is told of must be on disk.
                await groupCommit.WaitAsync();
                return;
            }

            var awaiting = await inbox.PendingForAsync(caller.MemberId, cancellationToken);
            // What is sent must be on disk.
            await groupCommit.WaitAsync();
            if (first)
            {
                var actions = awaiting.Select(ApproverViews.Action).ToList();
                await SendAsync(socket, new ApproverFeedMessage("actions", Actions: actions), cancellationToken);
                first = false;
            }
            else
            {
                foreach (var item in awaiting.Where(a => !announced.Contains(a.Transaction.Id)))
                {
                    var action = ApproverViews.Action(item);
                    await SendAsync(socket, new ApproverFeedMessage("action", Action: action), cancellationToken);
                }

                await SendResolvedAsync(db, socket, announced.Except(awaiting.Select(a => a.Transaction.Id)),
                    cancellationToken);
            }

            announced = awaiting.Select(a => a.Transaction.Id).ToHashSet(StringComparer.Ordinal);
            await wake;
        }
    }

    private async Task SendResolvedAsync(
        QapiDbContext db, WebSocket socket, IEnumerable<string> gone, CancellationToken cancellationToken)
    {
        var ids = gone.ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var statuses = await db.Web3Transactions.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Status }).ToListAsync(cancellationToken);
        await groupCommit.WaitAsync();
        foreach (var tx in statuses.OrderBy(t => ids.IndexOf(t.Id)))
        {
            await SendAsync(socket, new ApproverFeedMessage("resolved", TxId: tx.Id, Status: tx.Status),
                cancellationToken);
        }
    }

    private static Task<bool> IsActiveAsync(QapiDbContext db, string keyId, CancellationToken cancellationToken) =>
        db.ApproverKeys.AsNoTracking().AnyAsync(k => k.Id == keyId && k.RevokedAt == null, cancellationToken);

    private static Task SendAsync(WebSocket socket, ApproverFeedMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, QapiJsonContext.Default.ApproverFeedMessage);
        return socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Reads (and ignores) what the client sends, so its Close frame is seen; then says it is gone.</summary>
    private static async Task ReceiveUntilCloseAsync(
        WebSocket socket, CancellationTokenSource clientGone, CancellationToken requestAborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, requestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The connection is gone either way.
        }
        finally
        {
            await clientGone.CancelAsync();
        }
    }

    private static async Task CloseAsync(
        WebSocket socket, WebSocketCloseStatus status, string reason, Task receiving)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await socket.CloseOutputAsync(status, reason, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client vanished first.
            }
        }

        if (await Task.WhenAny(receiving, Task.Delay(CloseTimeout)) != receiving)
        {
            socket.Abort();
        }

        await receiving;
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug,
        Message = "Approver feed opened for key {ApproverKeyId} of member {MemberId}")]
    private static partial void LogOpened(ILogger logger, string approverKeyId, string memberId);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Debug, Message = "Approver feed closed for key {ApproverKeyId}")]
    private static partial void LogClosed(ILogger logger, string approverKeyId);
}
