using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qapi.Data;
using Qapi.Data.Broadcast;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// A transaction signed with an explicit nonce replaces the one signed with it before: once a chain confirms one
/// of them the other fails and gives back everything it took, and that nonce can no longer be replaced.
/// </summary>
public sealed class BroadcastReplacementTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const string Chain = "11155111";
    private static readonly Uri Endpoint = new("http://node.test/");

    [Fact]
    public async Task TheConfirmedReplacement_EndsTheOriginal_AndOnlyItsOutflowStays()
    {
        var kit = await BroadcastKit.CreateAsync(server);
        var node = new FakeRpcNode(long.Parse(Chain));
        var before = await WalletAsync();

        var original = await kit.CreateApprovedAsync(kit.Body(("value", "1"), ("gasPrice", "1"), ("chainID", Chain)));
        var nonce = original.GetProperty("nonce").GetString()!;
        var replacement = await kit.CreateApprovedAsync(kit.Body(("value", "2000000000"), ("gasPrice", "1"),
            ("chainID", Chain), ("nonce", nonce)));
        Assert.Equal(nonce, replacement.GetProperty("nonce").GetString());
        foreach (var tx in new[] { original, replacement })
        {
            node.Accept(tx.GetProperty("signedTx").GetString()!, tx.GetProperty("txHash").GetString()!);
        }

        await PassAsync(node);
        node.Mine(replacement.GetProperty("txHash").GetString()!, gasUsed: 21_000, effectiveGasPrice: 1);
        await PassAsync(node);

        var replacedId = original.GetProperty("txID").GetString()!;
        var ended = await kit.StatusAsync(replacedId);
        Assert.Equal("failed", ended.GetProperty("status").GetString());
        Assert.Contains(BroadcastKit.Events(ended), e => e.Status == "failed"
            && e.Message.Contains(replacement.GetProperty("txID").GetString()!, StringComparison.Ordinal));
        Assert.Equal("confirmed", (await kit.StatusAsync(replacement.GetProperty("txID").GetString()!))
            .GetProperty("status").GetString());

        // Only the replacement's 2 gwei of value and its fee (21,000 wei, one gwei rounded up) left the wallet.
        var after = await WalletAsync();
        Assert.Equal(before.PendingOut, after.PendingOut);
        Assert.Equal(before.Available - 2 - 1, after.Available);

        // That nonce is taken on chain now: nothing can replace it any more.
        var again = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction",
            kit.Body(("value", "3"), ("gasPrice", "1"), ("chainID", Chain), ("nonce", nonce)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var detail = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail");
        Assert.Equal("nonce_not_replaceable", detail.GetProperty("error").GetString());
        Assert.Contains("mined already", detail.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private Task<(long Available, long PendingOut)> WalletAsync() =>
        server.InScopeAsync(async sp =>
        {
            var wallet = await sp.GetRequiredService<QapiDbContext>().Wallets.AsNoTracking()
                .SingleAsync(w => w.Id == server.Demo.WalletId);
            return (wallet.Available, wallet.PendingOut);
        });

    /// <summary>One broadcast pass over the chain, to the fake node; one block is confirmation enough.</summary>
    private Task PassAsync(FakeRpcNode node) =>
        server.InScopeAsync(async sp =>
        {
            using var http = new HttpClient(node, disposeHandler: false);
            var options = Options.Create(new BroadcastOptions { Confirmations = 1 });
            var broadcast = ActivatorUtilities.CreateInstance<BroadcastService>(sp, new EthereumRpcClient(http),
                new BroadcastRetries(TimeProvider.System), options);
            await broadcast.RunAsync(Chain, Endpoint, default);
            return 0;
        });
}
