using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// A Web3 transaction in the books: what it reserves while pending is released when its creator cancels it, and
/// once signed its outflow is an entry of its fund's ledger.
/// </summary>
public sealed class Web3LedgerTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const long WeiPerGwei = 1_000_000_000;

    [Fact]
    public async Task Cancelling_ReleasesTheReservation_SoTheSameAmountCanBeSpentAgain()
    {
        var kit = new Web3Kit(server);
        var before = await BalanceAsync();
        var spendable = await SpendableGweiAsync();
        // All of it: the value and the most its gas can cost.
        var everything = (new BigInteger(spendable - Web3Kit.FeeCapGwei) * WeiPerGwei)
            .ToString(CultureInfo.InvariantCulture);

        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: everything)))
            .GetProperty("txID").GetString()!;
        Assert.Equal(before.PendingOut + spendable, (await BalanceAsync()).PendingOut);
        await Web3Flow.CancelAsync(server.DemoClient, txId);

        Assert.Equal(before, await BalanceAsync());
        Assert.Equal(spendable, await SpendableGweiAsync());
        // Were the reservation still held, the wallet could not cover the same value a second time.
        var again = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: everything,
            chainId: "0xaa36a7"))).GetProperty("txID").GetString()!;
        Assert.Equal("pending", (await kit.LoadAsync(again)).Status);
        await Web3Flow.CancelAsync(server.DemoClient, again);
        Assert.Equal(before, await BalanceAsync());
    }

    [Fact]
    public async Task AValueTheWalletHolds_ButNotWithItsGas_IsRefused_AndReservesNothing()
    {
        var before = await BalanceAsync();
        var spendable = await SpendableGweiAsync();
        // One gwei more than the wallet can pay once the most its gas can cost is counted.
        var tooMuch = (new BigInteger(spendable - Web3Kit.FeeCapGwei + 1) * WeiPerGwei)
            .ToString(CultureInfo.InvariantCulture);

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(server.Demo.WalletAddress, value: tooMuch));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail");
        Assert.Equal("insufficient_funds", detail.GetProperty("error").GetString());
        Assert.Contains("gas", detail.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await BalanceAsync());
    }

    [Fact]
    public async Task SignedTransaction_ShowsItsOutflowInTheFundsLedger()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob");
        var fundId = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Wallets
            .Where(w => w.Id == server.Demo.WalletId).Select(w => w.FundId).SingleAsync());
        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "2500000000000000")))
            .GetProperty("txID").GetString()!;

        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);
        Assert.DoesNotContain(txId, (await LedgerAsync(fundId)).GetRawText());
        var signed = await kit.DecideAsync(txId, "bob", ApprovalDecision.Approve);
        Assert.Equal("approved", signed.Status);

        var entry = (await LedgerAsync(fundId)).GetProperty("list").EnumerateArray()
            .Single(e => e.GetProperty("txID").GetString() == txId);
        Assert.Equal(signed.TxHash, entry.GetProperty("chainTxID").GetString());
        Assert.Equal(server.Demo.WalletId, entry.GetProperty("walletID").GetString());
        Assert.Equal(fundId, entry.GetProperty("fundID").GetString());
        Assert.Equal(8, entry.GetProperty("type").GetInt32());
        Assert.Equal("ETH-TESTNET", entry.GetProperty("asset").GetString());
        Assert.Equal(-2_500_000, entry.GetProperty("amount").GetInt64());
        Assert.Equal(Web3Kit.FeeCapGwei, entry.GetProperty("fees").GetInt64());
        Assert.Equal(-2_500_000 - Web3Kit.FeeCapGwei, entry.GetProperty("netAmount").GetInt64());
        Assert.Equal(Web3Kit.Receiver, entry.GetProperty("address").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<JsonElement> LedgerAsync(string fundId)
    {
        var response = await server.DemoClient.GetAsync($"/funds/{fundId}/ledger?limit=500");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    private async Task<(long Total, long Available, long PendingOut)> BalanceAsync()
    {
        var response = await server.DemoClient.GetAsync("/balance");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        var asset = json.GetProperty("assets").GetProperty("ETH-TESTNET");
        return (asset.GetProperty("total").GetInt64(), asset.GetProperty("available").GetInt64(),
            asset.GetProperty("pendingOut").GetInt64());
    }

    /// <summary>What the demo Web3 wallet may still reserve: its settled balance less what is reserved.</summary>
    private Task<long> SpendableGweiAsync() =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Wallets
            .Where(w => w.Id == server.Demo.WalletId).Select(w => w.Available - w.PendingOut).SingleAsync());
}
