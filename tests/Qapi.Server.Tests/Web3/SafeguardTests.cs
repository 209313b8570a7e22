using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Transactions;
using Qapi.Server.Approvers;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>No overdraft, no nonce shared by two live transactions, only the creator cancels.</summary>
public sealed class SafeguardTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task ConcurrentTransactions_CannotTogetherSpendMoreThanTheWalletHolds()
    {
        var spendable = await SpendableAsync();
        var value = spendable / 3 + 1;
        var body = (int i) => Web3Kit.Body(server.Demo.WalletAddress,
            value: (value * 1_000_000_000L + i).ToString(CultureInfo.InvariantCulture));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body(i))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.True(await SpendableAsync() >= 0);
        await CancelAllPendingAsync();
    }

    [Fact]
    public async Task ExplicitNonce_MustReplaceASignedOne()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob");
        var first = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, chainId: "560048")))
            .GetProperty("txID").GetString()!;
        await kit.DecideAsync(first, "alice", ApprovalDecision.Approve);
        Assert.Equal("0", (await kit.DecideAsync(first, "bob", ApprovalDecision.Approve)).Nonce);

        var ahead = WithNonce(Web3Kit.Body(server.Demo.WalletAddress, value: "2", chainId: "560048"), "1");
        var refused = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", ahead);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("nonce_not_replaceable", (await refused.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("detail").GetProperty("error").GetString());

        var replacement = (await kit.CreateAsync(WithNonce(Web3Kit.Body(server.Demo.WalletAddress, value: "3",
            chainId: "560048"), "0"))).GetProperty("txID").GetString()!;

        // Approvers are shown that this one replaces what nonce 0 carried (the nonce is not in what they sign).
        var pending = await kit.LoadAsync(replacement);
        Assert.Equal("0", ApproverViews.Action(new ApproverTransaction(pending, 0, 0, null)).Nonce);
        await kit.DecideAsync(replacement, "alice", ApprovalDecision.Approve);
        Assert.Equal("0", (await kit.DecideAsync(replacement, "bob", ApprovalDecision.Approve)).Nonce);

        var next = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "4", chainId: "560048")))
            .GetProperty("txID").GetString()!;
        await kit.DecideAsync(next, "alice", ApprovalDecision.Approve);
        Assert.Equal("1", (await kit.DecideAsync(next, "bob", ApprovalDecision.Approve)).Nonce);
    }

    [Fact]
    public async Task AnotherKeyOfTheAccount_CannotCancel()
    {
        var kit = new Web3Kit(server);
        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "5")))
            .GetProperty("txID").GetString()!;
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3);

        var other = await server.ClientFor(keyId, secret).SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("pending", (await kit.LoadAsync(txId)).Status);
        var own = await server.DemoClient.SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static string WithNonce(string body, string nonce) =>
        body.TrimEnd().TrimEnd('}') + $",\"nonce\":\"{nonce}\"}}";

    private async Task<long> SpendableAsync()
    {
        var json = await (await server.DemoClient.GetAsync("/balance")).Content.ReadFromJsonAsync<JsonElement>();
        var asset = json.GetProperty("assets").GetProperty("ETH-TESTNET");
        var wallet = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Wallets.AsNoTracking()
            .SingleAsync(w => w.Id == server.Demo.WalletId));
        Assert.True(asset.GetProperty("pendingOut").GetInt64() >= wallet.PendingOut);
        return wallet.Available - wallet.PendingOut;
    }

    private async Task CancelAllPendingAsync()
    {
        var pending = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions
            .Where(t => t.Status == "pending").Select(t => t.Id).ToListAsync());
        foreach (var id in pending)
        {
            await server.DemoClient.SendAsync(HttpMethod.Delete, $"/transactions/{id}", null);
        }
    }
}
