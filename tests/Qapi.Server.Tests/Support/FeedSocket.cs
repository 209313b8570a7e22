using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Qapi.Core.Protocol;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// A client of <c>GET /qapi/v1/transactions/feed</c>. A background loop reads every message into a queue, so a
/// test can wait for one with a timeout, or check that none comes, without cancelling a socket read (which would
/// abort the socket).
/// </summary>
public sealed class FeedSocket : IAsyncDisposable
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reading;

    private FeedSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = ReadAllAsync();
    }

    /// <summary>The close status the server sent, once it closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Connects with the three signed headers; <paramref name="query"/> is signed with the URL.</summary>
    public static Task<FeedSocket> ConnectAsync(QapiServerFixture server, string keyId, string secret,
        string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        var url = server.ApiBaseUrl + "/transactions/feed" + query;
        var timestamp = Now();
        var signature = Sign(secret, timestamp, url);
        return OpenAsync(url, o =>
        {
            o.SetRequestHeader(QredoHeaders.ApiKey, keyId);
            o.SetRequestHeader(QredoHeaders.Timestamp, timestamp);
            o.SetRequestHeader(QredoHeaders.Signature, signature);
            configure?.Invoke(o);
        });
    }

    /// <summary>
    /// Connects as a browser must: the credentials as query parameters after <paramref name="query"/>, signed
    /// over the URL without them.
    /// </summary>
    public static Task<FeedSocket> ConnectWithQueryAsync(QapiServerFixture server, string keyId, string secret,
        string query = "", Func<string, string>? tamperSignature = null) =>
        ConnectToAsync(QueryUrl(server, keyId, secret, query, tamperSignature));

    /// <summary>The feed URL with <paramref name="query"/> and then the credentials, signed without them.</summary>
    public static string QueryUrl(QapiServerFixture server, string keyId, string secret, string query = "",
        Func<string, string>? tamperSignature = null)
    {
        var signedUrl = server.ApiBaseUrl + "/transactions/feed" + query;
        var timestamp = Now();
        var signature = Sign(secret, timestamp, signedUrl);
        signature = tamperSignature?.Invoke(signature) ?? signature;
        return signedUrl + (query.Length == 0 ? "?" : "&") + CredentialQuery(keyId, timestamp, signature);
    }

    /// <summary>Connects to a feed URL (http form) as it is, with no headers.</summary>
    public static Task<FeedSocket> ConnectToAsync(string httpUrl) => OpenAsync(httpUrl, null);

    public static string CredentialQuery(string keyId, string timestamp, string signature) =>
        $"{QredoHeaders.ApiKey}={Uri.EscapeDataString(keyId)}&{QredoHeaders.Timestamp}={timestamp}"
        + $"&{QredoHeaders.Signature}={Uri.EscapeDataString(signature)}";

    public static string Now() =>
        DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string url) =>
        RequestSignature.Compute(ApiSecret.ToKeyBytes(secret), timestamp, "GET", url, []);

    /// <summary>The HTTP status a refused upgrade answered with.</summary>
    public static async Task<HttpStatusCode> RefusalAsync(Func<Task<FeedSocket>> connect)
    {
        var refused = await Assert.ThrowsAsync<FeedRefusedException>(connect);
        return refused.Status;
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No feed message within {ReceiveTimeout.TotalSeconds} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The feed closed ({CloseStatus}) before a message came.");
        }
    }

    public async Task<List<JsonElement>> ReceiveAsync(int count)
    {
        var messages = new List<JsonElement>();
        while (messages.Count < count)
        {
            messages.Add(await ReceiveAsync());
        }

        return messages;
    }

    /// <summary>Asserts that no message arrives for a while (the feed polls every second).</summary>
    public async Task AssertQuietAsync(TimeSpan? forHowLong = null)
    {
        await Task.Delay(forHowLong ?? TimeSpan.FromSeconds(2.5));
        Assert.False(_messages.Reader.TryRead(out var unexpected), $"Unexpected feed message: {unexpected}");
    }

    /// <summary>Waits for the server to close the socket and returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync()
    {
        await _reading.WaitAsync(ReceiveTimeout);
        return CloseStatus;
    }

    /// <summary>Closes from the client side and returns the status the server answered with.</summary>
    public async Task<WebSocketCloseStatus?> CloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        return await ClosedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
    }

    private static async Task<FeedSocket> OpenAsync(string httpUrl, Action<ClientWebSocketOptions>? configure)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        try
        {
            await socket.ConnectAsync(new Uri("ws" + httpUrl["http".Length..]), timeout.Token);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new FeedRefusedException(status);
        }

        return new FeedSocket(socket);
    }

    private async Task ReadAllAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.ToArray());
                    await _messages.Writer.WriteAsync(JsonDocument.Parse(text).RootElement.Clone());
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // Aborted by the test or dropped by the server: the queue's end says so.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
