using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.ReadOnly;

/// <summary>
/// Keys see their own account only, a wallet-scoped key its wallets only, a balance key /balance only.
/// </summary>
public sealed class ScopeTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task WalletScopedKey_CannotReadAnotherWalletsHistory()
    {
        var (web3, operations) = await DemoWalletsAsync();
        var client = await ScopedClientAsync(web3);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/wallet/{web3}/history")).StatusCode);
        await AssertErrorAsync(await client.GetAsync($"/wallet/{operations}/history"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WalletScopedKey_SeesOnlyItsWalletsInBalanceFundsAndLedger()
    {
        var (web3, operations) = await DemoWalletsAsync();
        var client = await ScopedClientAsync(web3);

        var balance = await ReadAsync(client, "/balance");
        Assert.Equal(2_000_000_000, balance.GetProperty("assets").GetProperty("ETH-TESTNET")
            .GetProperty("available").GetInt64());

        var funds = await ReadAsync(client, "/funds");
        var fundId = funds.GetProperty("funds")[0].GetProperty("fundID").GetString();
        Assert.Equal(2_000_000_000, funds.GetProperty("funds")[0].GetProperty("holdings")
            .GetProperty("ETH-TESTNET").GetInt64());

        var info = await ReadAsync(client, $"/funds/{fundId}");
        var wallets = info.GetProperty("fundInfo").GetProperty("wallets").EnumerateArray()
            .Select(w => w.GetProperty("wallet_id").GetString()).ToList();
        Assert.Equal([web3], wallets);

        var ledger = await ReadAsync(client, $"/funds/{fundId}/ledger");
        Assert.All(ledger.GetProperty("list").EnumerateArray(),
            e => Assert.Equal(web3, e.GetProperty("walletID").GetString()));
        Assert.DoesNotContain(operations, ledger.GetRawText());
    }

    [Fact]
    public async Task WalletScopedKey_CannotReadAFundWithoutItsWallets()
    {
        var (web3, _) = await DemoWalletsAsync();
        var otherFund = await server.InScopeAsync(async sp =>
        {
            var alice = await server.AccountIdAsync("alice");
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(server.Demo.OrganizationId,
                "Side fund", "", [alice], 1, default);
            return fund.Id;
        });
        var client = await ScopedClientAsync(web3);

        await AssertErrorAsync(await client.GetAsync($"/funds/{otherFund}"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await client.GetAsync($"/funds/{otherFund}/ledger"), HttpStatusCode.Forbidden);
        var funds = await ReadAsync(client, "/funds");
        Assert.DoesNotContain(otherFund, funds.GetRawText());
    }

    [Fact]
    public async Task AnotherAccountsObjects_Are404()
    {
        var (_, otherFund, otherWallet) = await server.OtherOrganizationAsync();
        var client = server.DemoClient;

        await AssertErrorAsync(await client.GetAsync($"/funds/{otherFund}"), HttpStatusCode.NotFound);
        await AssertErrorAsync(await client.GetAsync($"/funds/{otherFund}/ledger"), HttpStatusCode.NotFound);
        await AssertErrorAsync(await client.GetAsync($"/wallet/{otherWallet}/history"), HttpStatusCode.NotFound);
        var balance = await ReadAsync(client, "/balance");
        Assert.NotEqual(7_000_000_000, balance.GetProperty("assets").GetProperty("ETH-TESTNET")
            .GetProperty("available").GetInt64());
    }

    [Fact]
    public async Task PersonalKey_NeverSeesOrganizationData()
    {
        var (aliceId, personalFund, personalWallet) = await server.PersonalWithFundAsync("alice");
        var (keyId, secret) = await server.KeyAsync(aliceId, ApiKeyPermissions.ReadOnly);
        var client = server.ClientFor(keyId, secret);
        var (web3, _) = await DemoWalletsAsync();

        var account = await ReadAsync(client, "/account");
        Assert.Equal("alice", account.GetProperty("settings").GetProperty("username").GetString());
        Assert.DoesNotContain(server.Demo.OrganizationId, account.GetRawText());

        var balance = await ReadAsync(client, "/balance");
        Assert.Equal(300_000_000, balance.GetProperty("assets").GetProperty("ETH-TESTNET")
            .GetProperty("available").GetInt64());
        var funds = await ReadAsync(client, "/funds?archived=true");
        Assert.Equal([personalFund], funds.GetProperty("funds").EnumerateArray()
            .Select(f => f.GetProperty("fundID").GetString()));
        await AssertErrorAsync(await client.GetAsync($"/wallet/{web3}/history"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/wallet/{personalWallet}/history")).StatusCode);

        var parties = await ReadAsync(client, "/trustedparties");
        var usernames = parties.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("username").GetString(), m.GetProperty("pending").GetBoolean())).ToList();
        Assert.Equal([("bob", false), ("carol", true)], usernames);
    }

    [Fact]
    public async Task OrganizationKey_GetsAClearErrorForTrustedParties()
    {
        var body = await AssertErrorAsync(await server.DemoClient.GetAsync("/trustedparties"),
            HttpStatusCode.BadRequest);
        Assert.Equal("not_personal_account", body.GetProperty("detail").GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/funds")]
    [InlineData("/trustedparties")]
    public async Task BalanceOnlyKey_CanReadOnlyBalance(string path)
    {
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        var client = server.ClientFor(keyId, secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/balance")).StatusCode);
        var body = await AssertErrorAsync(await client.GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Equal("permission_missing", body.GetProperty("detail").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Web3OnlyKey_CannotReadTheReadOnlyApi()
    {
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3);
        var client = server.ClientFor(keyId, secret);

        await AssertErrorAsync(await client.GetAsync("/balance"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await client.GetAsync("/account"), HttpStatusCode.Forbidden);
    }

    private async Task<(string Web3, string Operations)> DemoWalletsAsync()
    {
        var wallets = await server.WalletsOfAsync(server.Demo.OrganizationId);
        return (wallets[0].Id, wallets[1].Id);
    }

    private async Task<SignedClient> ScopedClientAsync(string walletId)
    {
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId,
            ApiKeyPermissions.ReadOnly | ApiKeyPermissions.Balance, walletId);
        return server.ClientFor(keyId, secret);
    }

    private static async Task<JsonElement> ReadAsync(SignedClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("code").GetString());
        return body;
    }
}
