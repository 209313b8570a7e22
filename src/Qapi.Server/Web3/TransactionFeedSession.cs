using System.Net.WebSockets;
using System.Text.Json;
using Qapi.Client;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Transactions;
using Microsoft.Extensions.Options;
using Qapi.Server.Authentication;
using Qapi.Server.Configuration;

namespace Qapi.Server.Web3;

/// <summary>
/// One open <c>/transactions/feed</c> socket: sends every status event the key may see after a cursor, in id
/// order, then follows new ones until the client closes, the server stops, or the key stops being usable.
/// </summary>
internal sealed partial class TransactionFeedSession(
    TransactionFeedReader reader,
    TransactionFeedSignal signal,
    ApiKeyLookup keys,
    QapiDbContext db,
    TimeProvider clock,
    IOptions<QapiOptions> options,
    IHostApplicationLifetime lifetime,
    GroupCommit groupCommit,
    ILogger<TransactionFeedSession> logger)
{
    private const int BatchSize = 100;

    // Commits on this node wake the feed at once; the poll brings events committed by other nodes.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    // The key was checked at the upgrade; a long-lived socket checks again so revocation reaches it too.
    private readonly TimeSpan _keyRecheckInterval = TimeSpan.FromSeconds(options.Value.Web3.FeedKeyRecheckSeconds);

    public async Task RunAsync(WebSocket socket, TransactionRequester requester, long after,
        CancellationToken aborted)
    {
        LogOpened(logger, requester.KeyId, after);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, aborted);
        var receiving = ReceiveUntilCloseAsync(socket, ended);
        var (status, description) = await SendUntilEndedAsync(socket, requester, after, ended.Token, aborted);
        LogClosed(logger, requester.KeyId, status);
        await CloseAsync(socket, status, description, receiving);
    }

    private async Task<(WebSocketCloseStatus, string)> SendUntilEndedAsync(
        WebSocket socket, TransactionRequester requester, long after, CancellationToken ended,
        CancellationToken aborted)
    {
        var cursor = after;
        var recheckAt = clock.GetUtcNow() + _keyRecheckInterval;
        try
        {
            while (true)
            {
                // Taken before the read, so a commit during the read or the sends is not slept through.
                var wake = signal.WaitAsync(PollInterval, ended);
                var batch = await reader.ReadAsync(requester, cursor, BatchSize, ended);
                if (batch.Count > 0)
                {
                    // An event goes out only once the commit that made it is on disk.
                    await groupCommit.WaitAsync();
                }

                foreach (var item in batch)
                {
                    var message = JsonSerializer.SerializeToUtf8Bytes(TransactionViews.Feed(item),
                        QapiJsonContext.Default.TxFeedStatus);
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, aborted);
                    cursor = item.Event.Id;
                }

                if (clock.GetUtcNow() >= recheckAt)
                {
                    if (await RecheckKeyAsync(requester.KeyId) is not { } current)
                    {
                        // The revocation the client is told of must be on disk.
                        await groupCommit.WaitAsync();
                        return (WebSocketCloseStatus.PolicyViolation, "The API key was revoked, expired or lost web3.");
                    }

                    requester = current;
                    recheckAt = clock.GetUtcNow() + _keyRecheckInterval;
                }

                if (batch.Count < BatchSize)
                {
                    await wake;
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            return lifetime.ApplicationStopping.IsCancellationRequested
                ? (WebSocketCloseStatus.EndpointUnavailable, "Server stopping; reconnect with after=<last eventID>.")
                : (WebSocketCloseStatus.NormalClosure, "");
        }
        catch (WebSocketException)
        {
            return (WebSocketCloseStatus.NormalClosure, "");
        }
        catch (Exception e)
        {
            // The socket's counterpart of the exception handler: the type only, as a driver's message can quote data.
            LogFailed(logger, e.GetType().Name);
            return (WebSocketCloseStatus.InternalServerError, "The feed failed; reconnect with after=<last eventID>.");
        }
    }

    private async Task<TransactionRequester?> RecheckKeyAsync(string keyId)
    {
        var key = await keys.FindAsync(db, keyId);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now
            || (key.Permissions & ApiKeyPermissions.Web3) == 0)
        {
            return null;
        }

        return new TransactionRequester(key.AccountId, key.Id,
            key.WalletIds.Count == 0 ? null : key.WalletIds.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Reads until the client's close frame (clients have nothing else to say), then ends the feed.</summary>
    private static async Task ReceiveUntilCloseAsync(WebSocket socket, CancellationTokenSource ended)
    {
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None)).MessageType
                   != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The connection dropped or was aborted: nothing more will arrive.
        }
        finally
        {
            await ended.CancelAsync();
        }
    }

    private static async Task CloseAsync(
        WebSocket socket, WebSocketCloseStatus status, string description, Task receiving)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await socket.CloseOutputAsync(status, description, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client is gone; there is no one to tell.
            }
        }

        try
        {
            await receiving.WaitAsync(CloseTimeout);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await receiving;
        }
    }

    [LoggerMessage(EventId = 2300, Level = LogLevel.Debug, Message = "Feed opened for key {KeyId} after {EventId}")]
    private static partial void LogOpened(ILogger logger, string keyId, long eventId);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Debug, Message = "Feed closed for key {KeyId}: {CloseStatus}")]
    private static partial void LogClosed(ILogger logger, string keyId, WebSocketCloseStatus closeStatus);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Feed failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
