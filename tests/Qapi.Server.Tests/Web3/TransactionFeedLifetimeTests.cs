using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>The feed socket closes cleanly, whichever side ends it.</summary>
public sealed class TransactionFeedLifetimeTests
{
    [Fact]
    public async Task ClientClosing_GetsANormalCloseBack()
    {
        await using var server = new QapiServerFixture();
        await server.InitializeAsync();
        await using var feed = await FeedSocket.ConnectAsync(server, server.Demo.ApiKey, server.Demo.Secret);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await feed.CloseAsync());
    }

    [Fact]
    public async Task ServerStopping_ClosesTheFeedAsGoingAway()
    {
        await using var server = new QapiServerFixture();
        await server.InitializeAsync();
        await using var feed = await FeedSocket.ConnectAsync(server, server.Demo.ApiKey, server.Demo.Secret);

        var stopping = server.App.StopAsync();

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await feed.ClosedAsync());
        await stopping;
    }

    [Fact]
    public async Task RevokedKey_ClosesItsOpenFeed()
    {
        await using var server = new QuickRecheckServer();
        await server.InitializeAsync();
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3);
        await using var feed = await FeedSocket.ConnectAsync(server, keyId, secret);

        await server.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ApiKeyService>().RevokeAsync(keyId, default);
            return true;
        });

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await feed.ClosedAsync());
    }

    private sealed class QuickRecheckServer : QapiServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--Qapi:Web3:FeedKeyRecheckSeconds=1"];
    }
}
