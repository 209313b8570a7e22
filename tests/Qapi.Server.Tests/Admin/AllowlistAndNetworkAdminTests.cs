using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Wallet allowlists and custom RPC networks through the admin API.</summary>
public sealed class AllowlistAndNetworkAdminTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const string Other = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    [Fact]
    public async Task Allowlist_StoresLowercase_RefusesDuplicates_AndBindsWeb3Transactions()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var wallet = await kit.WalletAsync(fundId);
        var walletId = wallet.GetProperty("id").GetString()!;
        var path = $"/wallets/{walletId}/allowlist";
        var web3 = await kit.ApiClientAsync(ApiKeyPermissions.Web3);
        var before = await kit.LastAuditIdAsync();

        var added = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, path,
            new { address = Other, label = "exchange" }, HttpStatusCode.Created);
        Assert.Equal(Other.ToLowerInvariant(), added.GetProperty("address").GetString());
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, path, new { address = Other.ToLowerInvariant() },
            HttpStatusCode.Conflict, "allowlist_entry_exists");

        // The allowlist now excludes the usual receiver, so a transaction to it is refused.
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            new { amount = "1" }, HttpStatusCode.Created);
        using var refused = await web3.SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(wallet.GetProperty("address").GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("destination_not_allowed", await refused.Content.ReadAsStringAsync());

        var list = await FundAdminKit.SendAsync(kit.As("trader"), HttpMethod.Get, path, null, HttpStatusCode.OK);
        Assert.Equal([Other.ToLowerInvariant()], list.EnumerateArray().Select(e => e.GetProperty("address")
            .GetString()));
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Delete, $"{path}/{Other}", null,
            HttpStatusCode.NoContent);
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Delete, $"{path}/{Other}", null,
            HttpStatusCode.NotFound, "allowlist_entry_not_found");

        Assert.Equal(["wallet.allowlist.add", "ledger.deposit", "wallet.allowlist.remove"],
            (await kit.AuditAfterAsync(before)).Select(e => e.Action));
    }

    [Theory]
    [InlineData("0x3c44cdddb6a900fa2b585dd299e03d12fa4293b")]
    [InlineData("3c44cdddb6a900fa2b585dd299e03d12fa4293bc")]
    [InlineData("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293Bc")]
    [InlineData("0xZZ44cdddb6a900fa2b585dd299e03d12fa4293bc")]
    [InlineData("")]
    public async Task BadAllowlistAddress_IsRefused_AndChangesNothing(string address)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var walletId = (await kit.WalletAsync(await kit.FundAsync())).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/allowlist",
            new { address }, HttpStatusCode.BadRequest, "invalid_address");

        Assert.Equal(0, await kit.InDbAsync(db => db.AllowlistEntries.CountAsync(e => e.WalletId == walletId)));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task RpcNetworks_ShowInTheAccount_WithoutTheirUrlsSecrets()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        const string secretPath = "v3/s3cr3t-provider-key";
        var url = $"https://user:pa55@rpc.example.test:8545/{secretPath}?token=t0ken";
        var reader = await kit.ApiClientAsync(ApiKeyPermissions.ReadOnly);
        var before = await kit.LastAuditIdAsync();

        var added = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/rpcnetworks",
            new { name = "devnet", chainID = "1337", url }, HttpStatusCode.Created);
        Assert.Equal("https://rpc.example.test:8545", added.GetProperty("endpoint").GetString());
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/rpcnetworks",
            new { name = "devnet", chainID = 1338, url = "http://127.0.0.1:8545" }, HttpStatusCode.Conflict,
            "rpc_network_exists");

        using var response = await reader.GetAsync("/account");
        var body = await response.Content.ReadAsStringAsync();
        var networks = JsonDocument.Parse(body).RootElement.GetProperty("settings").GetProperty("rpcNetworks");
        Assert.Equal("devnet", networks[0].GetProperty("name").GetString());
        Assert.Equal("1337", networks[0].GetProperty("chainID").GetString());

        var list = await FundAdminKit.SendAsync(kit.As("trader"), HttpMethod.Get,
            $"/accounts/{kit.OrgId}/rpcnetworks", null, HttpStatusCode.OK);
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Delete, $"/accounts/{kit.OrgId}/rpcnetworks/devnet",
            null, HttpStatusCode.NoContent);

        var audit = await kit.AuditAfterAsync(before);
        Assert.Equal(["account.rpc_network.add", "account.rpc_network.remove"], audit.Select(e => e.Action));
        foreach (var text in new[] { body, list.ToString(), string.Join('\n', audit.Select(e => e.Detail)),
            string.Join('\n', server.Logs.Lines) })
        {
            Assert.DoesNotContain(secretPath, text);
            Assert.DoesNotContain("pa55", text);
            Assert.DoesNotContain("t0ken", text);
        }
    }

    [Theory]
    [InlineData("""{"name":"n","chainID":5,"url":"ftp://rpc.example.test"}""", "invalid_url")]
    [InlineData("""{"name":"n","chainID":5,"url":"rpc.example.test"}""", "invalid_url")]
    [InlineData("""{"name":"n","chainID":0,"url":"https://rpc.example.test"}""", "invalid_chain_id")]
    [InlineData("""{"name":"n","chainID":"five","url":"https://rpc.example.test"}""", "malformed_body")]
    [InlineData("""{"name":" ","chainID":5,"url":"https://rpc.example.test"}""", "field_required")]
    public async Task BadRpcNetwork_IsRefused_AndChangesNothing(string body, string error)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/accounts/{kit.OrgId}/rpcnetworks", body,
            HttpStatusCode.BadRequest, error);

        Assert.Equal(0, await kit.InDbAsync(db => db.RpcNetworks.CountAsync(n => n.AccountId == kit.OrgId)));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }
}
