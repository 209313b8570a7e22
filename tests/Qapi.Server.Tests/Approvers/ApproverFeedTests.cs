using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Qapi.Client.Approvers;
using Qapi.Core.Approvals;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Approvers;

/// <summary>The approver feed: the list on connect, each new action at once, resolutions; who may open it.</summary>
public sealed class ApproverFeedTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Feed_SendsTheAwaitingListOnConnect_ThenANewActionWithinASecond()
    {
        var before = await server.CreateTransactionAsync();
        var carol = await server.EnrollApproverAsync("carol");
        using var socket = await ConnectWithHeadersAsync(carol);

        var list = await ReceiveAsync(socket, TimeSpan.FromSeconds(5));
        Assert.Equal("actions", list.GetProperty("type").GetString());
        Assert.Contains(list.GetProperty("actions").EnumerateArray(),
            a => a.GetProperty("txID").GetString() == before);

        var created = await server.CreateTransactionAsync();
        var pushed = await ReceiveAsync(socket, Second);

        Assert.Equal("action", pushed.GetProperty("type").GetString());
        var action = pushed.GetProperty("action");
        Assert.Equal(created, action.GetProperty("txID").GetString());
        Assert.StartsWith("qapi-approval-v1\n" + created + "\napprove\n",
            action.GetProperty("sign").GetProperty("approve").GetProperty("text").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_SaysWhenAnAnnouncedActionIsResolved()
    {
        var txId = await server.CreateTransactionAsync();
        var carol = await server.EnrollApproverAsync("carol");
        using var socket = await ConnectWithHeadersAsync(carol);
        await ReceiveAsync(socket, TimeSpan.FromSeconds(5));
        var alice = new ApproverChannelClient(server.Http, server.Origin, await server.EnrollApproverAsync("alice"));
        var bob = new ApproverChannelClient(server.Http, server.Origin, await server.EnrollApproverAsync("bob"));
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));

        (await alice.DecideAsync(txId, ApprovalDecision.Reject, request)).Dispose();
        (await bob.DecideAsync(txId, ApprovalDecision.Reject, request)).Dispose();
        var resolved = await ReceiveAsync(socket, TimeSpan.FromSeconds(2));

        Assert.Equal("resolved", resolved.GetProperty("type").GetString());
        Assert.Equal(txId, resolved.GetProperty("txID").GetString());
        Assert.Equal("rejected", resolved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Feed_OpensWithCredentialsInTheQuery_OnceOnly()
    {
        var bob = await server.EnrollApproverAsync("bob");
        var url = ApproverFeedUrl.Sign(new Uri(server.Origin + "/approver/v1/feed"), bob.KeyId, bob.PrivateKey,
            DateTimeOffset.UtcNow);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, TestContext.Current.CancellationToken);
        var list = await ReceiveAsync(socket, TimeSpan.FromSeconds(5));
        var reused = await RefusedStatusAsync(url);
        var tampered = await RefusedStatusAsync(new Uri(url + "&extra=1"));

        Assert.Equal("actions", list.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, reused);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered);
    }

    [Fact]
    public async Task Feed_RefusesAnUnsignedUpgrade_AndAPlainGet()
    {
        var alice = new ApproverChannelClient(server.Http, server.Origin, await server.EnrollApproverAsync("alice"));

        var unsigned = await RefusedStatusAsync(new Uri(WebSocketOrigin() + "/approver/v1/feed"));
        using var plain = await alice.GetAsync("/feed");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned);
        await ApproverDecisionTests.AssertErrorAsync(plain, HttpStatusCode.BadRequest, "websocket_required");
    }

    [Fact]
    public async Task Feed_ClosesWhenItsKeyIsRevoked()
    {
        var carol = await server.EnrollApproverAsync("carol");
        using var socket = await ConnectWithHeadersAsync(carol);
        await ReceiveAsync(socket, TimeSpan.FromSeconds(5));

        await server.EnrollApproverAsync("carol");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await socket.ReceiveAsync(new byte[1024], timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    private async Task<ClientWebSocket> ConnectWithHeadersAsync(TestApprover approver)
    {
        var ts = ApproverChannelClient.Now();
        var signature = ApproverRequestSignature.Compute(approver.PrivateKey, ts, "GET",
            server.Origin + "/approver/v1/feed", []);
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(ApproverHeaders.KeyId, approver.KeyId);
        socket.Options.SetRequestHeader(ApproverHeaders.Timestamp, ts);
        socket.Options.SetRequestHeader(ApproverHeaders.Signature, signature);
        await socket.ConnectAsync(new Uri(WebSocketOrigin() + "/approver/v1/feed"),
            TestContext.Current.CancellationToken);
        return socket;
    }

    private static async Task<HttpStatusCode> RefusedStatusAsync(Uri url)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(url, TestContext.Current.CancellationToken));
        return socket.HttpStatusCode;
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, timeout.Token);
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private string WebSocketOrigin() => "ws" + server.Origin["http".Length..];
}
