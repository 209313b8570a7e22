using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Wallets;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.ReadOnly;

/// <summary>What the Read-only endpoints report: paging newest first, ledger types, archived funds.</summary>
public sealed class ReadOnlyEndpointTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task WalletHistory_IsNewestFirstAndPaged()
    {
        var (_, fundId, walletId) = await NewFundWithDepositsAsync(5);

        var all = await ReadAsync($"/wallet/{walletId}/history");
        var amounts = all.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("amount").GetInt64());
        Assert.Equal([5, 4, 3, 2, 1], amounts);
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("history").EnumerateArray(), h =>
        {
            Assert.Equal((int)TxType.Deposit, h.GetProperty("type").GetInt32());
            Assert.Equal("approved", h.GetProperty("status").GetString());
        });

        var page = await ReadAsync($"/wallet/{walletId}/history?offset=1&limit=2");
        Assert.Equal([4, 3], page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("amount")
            .GetInt64()));
        Assert.Equal(5, page.GetProperty("total").GetInt32());

        var ledger = await ReadAsync($"/funds/{fundId}/ledger?limit=3");
        Assert.Equal([5, 4, 3], ledger.GetProperty("list").EnumerateArray().Select(h => h.GetProperty("amount")
            .GetInt64()));
        Assert.Equal(5, ledger.GetProperty("total").GetInt32());
        Assert.Equal(6, ledger.GetProperty("list")[0].GetProperty("type").GetInt32());
        Assert.True(ledger.GetProperty("wallets").TryGetProperty(walletId, out _));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("offset=-1")]
    [InlineData("limit=ten")]
    [InlineData("offset=99999999999999999999")]
    [InlineData("limit=1&limit=2")]
    public async Task BadPaging_Is400AndSaysWhy(string query)
    {
        var response = await server.DemoClient.GetAsync($"/wallet/{server.Demo.WalletId}/history?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("400", body.GetProperty("code").GetString());
        // A malformed parameter is not a missing endpoint.
        Assert.NotEqual("not_found", body.GetProperty("detail").GetProperty("error").GetString());
    }

    [Fact]
    public async Task ArchivedFunds_ShowOnlyWhenAskedFor()
    {
        var (accountId, fundId, _) = await NewFundWithDepositsAsync(1);
        await server.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<FundService>().SetArchivedAsync(accountId, fundId, true, default);
            return true;
        });

        Assert.DoesNotContain(fundId, (await ReadAsync("/funds")).GetRawText());
        Assert.DoesNotContain(fundId, (await ReadAsync("/funds?archived=false")).GetRawText());
        var archived = await ReadAsync("/funds?archived=true");
        var fund = archived.GetProperty("funds").EnumerateArray()
            .Single(f => f.GetProperty("fundID").GetString() == fundId);
        Assert.True(fund.GetProperty("archived").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await server.DemoClient.GetAsync($"/funds/{fundId}")).StatusCode);
    }

    [Fact]
    public async Task FundInfo_ReportsPolicyMembersThresholdAndWalletAddresses()
    {
        var funds = await ReadAsync("/funds");
        var treasury = funds.GetProperty("funds").EnumerateArray()
            .First(f => f.GetProperty("name").GetString() == "Treasury").GetProperty("fundID").GetString();

        var info = (await ReadAsync($"/funds/{treasury}")).GetProperty("fundInfo");

        var policy = info.GetProperty("policyTx");
        Assert.Equal(2, policy.GetProperty("threshold").GetInt32());
        Assert.Equal(3, policy.GetProperty("membersCount").GetInt32());
        Assert.Equal(4, info.GetProperty("members").GetArrayLength());
        var web3 = info.GetProperty("wallets").EnumerateArray()
            .Single(w => w.GetProperty("wallet_id").GetString() == server.Demo.WalletId);
        Assert.Equal(server.Demo.WalletAddress, web3.GetProperty("address").GetString());
        Assert.Equal((int)WalletType.External, web3.GetProperty("type").GetInt32());
        Assert.Equal(2_000_000_000, web3.GetProperty("balance").GetInt64());
    }

    private Task<(string AccountId, string FundId, string WalletId)> NewFundWithDepositsAsync(int count) =>
        server.InScopeAsync(async sp =>
        {
            var orgId = server.Demo.OrganizationId;
            var alice = await server.AccountIdAsync("alice");
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(orgId, "Paged " + Guid.NewGuid(), "",
                [alice], 1, default);
            var wallet = await sp.GetRequiredService<WalletService>().CreateAsync(orgId, fund.Id, "Paged",
                "ETH-TESTNET", WalletType.Standard, sandbox: true, default);
            var ledger = sp.GetRequiredService<LedgerService>();
            for (var amount = 1; amount <= count; amount++)
            {
                await ledger.RecordDepositAsync(wallet.Id, amount, "faucet", $"deposit {amount}", default);
            }

            return (orgId, fund.Id, wallet.Id);
        });

    private async Task<JsonElement> ReadAsync(string path)
    {
        var response = await server.DemoClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
