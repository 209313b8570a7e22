using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Storage;

/// <summary>
/// The same server on PostgreSQL: migrations apply, the demo bootstraps, reads, scopes and replays hold.
/// </summary>
public sealed class PostgresStoreTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task DemoAccount_IsReadableOnPostgres()
    {
        Assert.SkipUnless(server.Available, "QAPI_TEST_POSTGRES is not set; .ci/run sets it.");

        var balance = await server.DemoClient.GetAsync("/balance");
        Assert.True(balance.StatusCode == HttpStatusCode.OK, string.Join('\n', server.Logs.Lines.TakeLast(40)));
        var body = await balance.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2_500_000_000, body.GetProperty("assets").GetProperty("ETH-TESTNET").GetProperty("total")
            .GetInt64());

        var history = await server.DemoClient.GetAsync($"/wallet/{server.Demo.WalletId}/history");
        Assert.True(history.StatusCode == HttpStatusCode.OK, string.Join('\n', server.Logs.Lines.TakeLast(60)));
    }

    [Fact]
    public async Task WalletScopeAndReplay_HoldOnPostgres()
    {
        Assert.SkipUnless(server.Available, "QAPI_TEST_POSTGRES is not set; .ci/run sets it.");

        var wallets = await server.WalletsOfAsync(server.Demo.OrganizationId);
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.ReadOnly,
            wallets[0].Id);
        var scoped = server.ClientFor(keyId, secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.GetAsync($"/wallet/{wallets[1].Id}/history")).StatusCode);

        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/test/echo", "{}", p => parts = p);
        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts!.Url, "{}", parts);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }
}
