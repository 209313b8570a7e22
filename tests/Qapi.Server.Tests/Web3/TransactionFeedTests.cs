using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// <c>GET /transactions/feed</c>: every status change, in order, to a connected client; a reconnecting client
/// resumes after the last eventID it saw and misses none; both ways of authenticating; scopes.
/// </summary>
public sealed class TransactionFeedTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private DemoCredentialsFile Demo => server.Demo;

    [Fact]
    public async Task ConnectedClient_ReceivesEveryStatusOfATransaction_InOrder()
    {
        await using var feed = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret);

        var txId = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);
        var proposed = await feed.ReceiveAsync(2);
        await Web3Flow.ApproveAsync(server, txId);
        var messages = proposed.Concat(await feed.ReceiveAsync(2)).ToList();

        Assert.Equal(["created", "pending", "authorized", "approved"], messages.Select(Status));
        Assert.All(messages, m => Assert.Equal(txId, m.GetProperty("txID").GetString()));
        AssertIncreasing(messages.Select(EventId));
        for (var i = 0; i < messages.Count; i++)
        {
            var events = messages[i].GetProperty("events").EnumerateArray().ToList();
            Assert.Equal(i + 1, events.Count);
            Assert.Equal(messages[i].GetProperty("eventID").GetString(), events[^1].GetProperty("id").GetString());
            Assert.Equal(i + 1, messages[i].GetProperty("timestamps").EnumerateObject().Count());
        }

        Assert.All(messages.Take(3), m => Assert.Equal("", m.GetProperty("txHash").GetString()));
        var approved = messages[^1];
        Assert.StartsWith("0x", approved.GetProperty("txHash").GetString());
        Assert.NotEqual("", approved.GetProperty("nonce").GetString());
        Assert.NotEqual("", approved.GetProperty("rawTX").GetString());
        Assert.Equal(Demo.OrganizationId, approved.GetProperty("accountID").GetString());
        Assert.Equal(Demo.WalletAddress, approved.GetProperty("from").GetString(), ignoreCase: true);
        Assert.Equal(Web3Flow.Destination, approved.GetProperty("to").GetString(), ignoreCase: true);
        Assert.Equal("1000", approved.GetProperty("value").GetString());
        Assert.Equal("11155111", approved.GetProperty("chainID").GetString());
        Assert.Equal(Demo.ApiKey, approved.GetProperty("createdBy").GetString());
        await feed.AssertQuietAsync();
    }

    [Fact]
    public async Task CancelledTransaction_ShowsCancelled()
    {
        await using var feed = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret);

        var txId = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);
        await Web3Flow.CancelAsync(server.DemoClient, txId);

        var messages = await feed.ReceiveAsync(3);
        Assert.Equal(["created", "pending", "cancelled"], messages.Select(Status));
        Assert.All(messages, m => Assert.Equal(txId, m.GetProperty("txID").GetString()));
        Assert.Equal("cancelled", messages[^1].GetProperty("events")[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReconnectingClient_GetsExactlyTheEventsItMissed()
    {
        var start = await LastEventIdAsync();
        var first = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret, $"?after={start}");
        var signedLater = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);
        var seen = await first.ReceiveAsync(2);
        await first.DisposeAsync();

        await Web3Flow.ApproveAsync(server, signedLater);
        var cancelled = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);
        await Web3Flow.CancelAsync(server.DemoClient, cancelled);

        var lastSeen = EventId(seen[^1]);
        await using var second = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret,
            $"?after={lastSeen}");
        var missed = await second.ReceiveAsync(5);
        await second.AssertQuietAsync();

        Assert.Equal(["created", "pending"], seen.Select(Status));
        Assert.Equal(["authorized", "approved", "created", "pending", "cancelled"], missed.Select(Status));
        Assert.Equal([signedLater, signedLater, cancelled, cancelled, cancelled],
            missed.Select(m => m.GetProperty("txID").GetString()));
        var delivered = seen.Concat(missed).Select(EventId).ToList();
        Assert.Equal(await EventIdsAfterAsync(start), delivered);

        await using var byHeader = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret,
            configure: o => o.SetRequestHeader("Last-Event-ID", lastSeen.ToString(
                System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(EventId(missed[0]), EventId(await byHeader.ReceiveAsync()));
    }

    [Fact]
    public async Task QueryParameterAuth_SignsTheUrlWithoutTheCredentials_AndKeepsTheRestOfTheQuery()
    {
        var start = await LastEventIdAsync();
        var txId = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);

        await using var feed = await FeedSocket.ConnectWithQueryAsync(server, Demo.ApiKey, Demo.Secret,
            $"?after={start}");

        var messages = await feed.ReceiveAsync(2);
        Assert.Equal(["created", "pending"], messages.Select(Status));
        Assert.All(messages, m => Assert.Equal(txId, m.GetProperty("txID").GetString()));
    }

    [Fact]
    public async Task QueryParameterAuth_UrlOpensOneConnectionOnly()
    {
        // A key of its own: signatures have one-second timestamps, so another test of this class that signs the
        // same feed URL with the demo key in the same second would have used this URL up already.
        var (keyId, secret) = await server.KeyAsync(Demo.OrganizationId, ApiKeyPermissions.Web3);
        var url = FeedSocket.QueryUrl(server, keyId, secret, "?after=0");

        await using (await FeedSocket.ConnectToAsync(url))
        {
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await FeedSocket.RefusalAsync(() => FeedSocket.ConnectToAsync(url)));
    }

    [Fact]
    public async Task BadOrAbsentSignature_IsRefusedAt401_WithoutEchoingOrLoggingIt()
    {
        var url = server.ApiBaseUrl + "/transactions/feed?after=1";
        var timestamp = FeedSocket.Now();
        var good = FeedSocket.Sign(Demo.Secret, timestamp, url);
        var flipped = (good[0] == 'A' ? 'B' : 'A') + good[1..];
        var otherQuery = FeedSocket.Sign(Demo.Secret, timestamp, server.ApiBaseUrl + "/transactions/feed?after=2");

        Assert.Equal(HttpStatusCode.Unauthorized, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectWithQueryAsync(server, Demo.ApiKey, Demo.Secret, "?after=1", _ => flipped)));
        Assert.Equal(HttpStatusCode.Unauthorized, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectWithQueryAsync(server, Demo.ApiKey, Demo.Secret, "?after=1", _ => otherQuery)));
        Assert.Equal(HttpStatusCode.Unauthorized, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectWithQueryAsync(server, Demo.ApiKey, Demo.Secret, "?after=1", _ => "")));
        Assert.Equal(HttpStatusCode.Unauthorized, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectAsync(server, Demo.ApiKey, (Demo.Secret[0] == 'x' ? "y" : "x") + Demo.Secret[1..])));

        var refused = await UpgradeAsync(url + "&" + FeedSocket.CredentialQuery(Demo.ApiKey, timestamp, flipped));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("signature_mismatch", JsonDocument.Parse(body).RootElement.GetProperty("detail")
            .GetProperty("error").GetString());
        Assert.DoesNotContain(flipped, body, StringComparison.Ordinal);

        var missing = await UpgradeAsync(url + $"&qredo-api-key={Demo.ApiKey}&qredo-api-ts={timestamp}");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("missing_parameter", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Outside a WebSocket upgrade, credentials in the query do not count.
        var plainGet = await server.Http.GetAsync(url + "&" + FeedSocket.CredentialQuery(Demo.ApiKey, timestamp,
            good));
        Assert.Equal(HttpStatusCode.Unauthorized, plainGet.StatusCode);

        await using (await FeedSocket.ConnectWithQueryAsync(server, Demo.ApiKey, Demo.Secret, "?after=1"))
        {
        }

        Assert.DoesNotContain(server.Logs.Lines, line => line.Contains(flipped, StringComparison.Ordinal)
            || line.Contains(good, StringComparison.Ordinal)
            || line.Contains("qredo-api-sig=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Upgrade_IsRefused_WithoutWeb3Permission_OrAWebSocket_OrAValidCursor()
    {
        var (readOnlyKey, readOnlySecret) = await server.KeyAsync(Demo.OrganizationId, ApiKeyPermissions.ReadOnly);

        Assert.Equal(HttpStatusCode.Forbidden, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectAsync(server, readOnlyKey, readOnlySecret)));
        Assert.Equal(HttpStatusCode.BadRequest, await FeedSocket.RefusalAsync(() =>
            FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret, "?after=-1")));
        var plain = await server.DemoClient.GetAsync("/transactions/feed");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("websocket_required", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalletScopedKey_SeesOnlyItsWalletsTransactions()
    {
        var (walletId, address) = await SecondWeb3WalletAsync();
        var (scopedKey, scopedSecret) = await server.KeyAsync(Demo.OrganizationId, ApiKeyPermissions.Web3, walletId);
        await using var scopedFeed = await FeedSocket.ConnectAsync(server, scopedKey, scopedSecret);
        await using var accountFeed = await FeedSocket.ConnectAsync(server, Demo.ApiKey, Demo.Secret);

        var outside = await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);
        var inside = await Web3Flow.CreateAsync(server.ClientFor(scopedKey, scopedSecret), address);

        var scoped = await scopedFeed.ReceiveAsync(2);
        Assert.All(scoped, m => Assert.Equal(inside, m.GetProperty("txID").GetString()));
        await scopedFeed.AssertQuietAsync();
        var all = await accountFeed.ReceiveAsync(4);
        Assert.Equal([outside, outside, inside, inside], all.Select(m => m.GetProperty("txID").GetString()));
    }

    [Fact]
    public async Task AnotherAccountsKey_SeesNothing_EvenReplayingFromTheStart()
    {
        var (otherOrg, _, _) = await server.OtherOrganizationAsync();
        var (otherKey, otherSecret) = await server.KeyAsync(otherOrg, ApiKeyPermissions.Web3);
        await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);

        await using var feed = await FeedSocket.ConnectAsync(server, otherKey, otherSecret, "?after=0");
        await Web3Flow.CreateAsync(server.DemoClient, Demo.WalletAddress);

        await feed.AssertQuietAsync();
    }

    private static string? Status(JsonElement message) => message.GetProperty("status").GetString();

    private static long EventId(JsonElement message) =>
        long.Parse(message.GetProperty("eventID").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertIncreasing(IEnumerable<long> ids)
    {
        var list = ids.ToList();
        Assert.Equal(list.Order(), list);
        Assert.Equal(list.Count, list.Distinct().Count());
    }

    private Task<long> LastEventIdAsync() =>
        server.InScopeAsync(async sp =>
            await sp.GetRequiredService<QapiDbContext>().TransactionEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    private Task<List<long>> EventIdsAfterAsync(long after) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().TransactionEvents
            .Where(e => e.AccountId == Demo.OrganizationId && e.Id > after).OrderBy(e => e.Id).Select(e => e.Id)
            .ToListAsync());

    private Task<(string WalletId, string Address)> SecondWeb3WalletAsync() =>
        server.InScopeAsync(async sp =>
        {
            var fundId = await sp.GetRequiredService<QapiDbContext>().Wallets.Where(w => w.Id == Demo.WalletId)
                .Select(w => w.FundId).SingleAsync();
            var wallet = await sp.GetRequiredService<WalletService>().CreateAsync(Demo.OrganizationId, fundId,
                "Second Web3 wallet", "ETH-TESTNET", WalletType.External, sandbox: true, default);
            await sp.GetRequiredService<LedgerService>().RecordDepositAsync(wallet.Id, 1_000_000_000, "faucet",
                "second wallet", default);
            return (wallet.Id, wallet.Address);
        });

    /// <summary>A WebSocket upgrade request sent by hand, to read the body of a refusal.</summary>
    private async Task<HttpResponseMessage> UpgradeAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(
            RandomNumberGenerator.GetBytes(16)));
        return await server.Http.SendAsync(request);
    }
}
