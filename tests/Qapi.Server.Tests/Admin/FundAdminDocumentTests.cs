using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>The admin fund routes in the OpenAPI document; a personal account's owner managing their funds.</summary>
public sealed class FundAdminDocumentTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Theory]
    [InlineData("/qapi/admin/v1/accounts/{accountId}/funds", "post")]
    [InlineData("/qapi/admin/v1/funds/{fundId}", "patch")]
    [InlineData("/qapi/admin/v1/funds/{fundId}/policies/{kind}", "put")]
    [InlineData("/qapi/admin/v1/wallets/{walletId}/policies/{kind}", "delete")]
    [InlineData("/qapi/admin/v1/wallets/{walletId}/allowlist/{address}", "delete")]
    [InlineData("/qapi/admin/v1/accounts/{accountId}/rpcnetworks", "post")]
    [InlineData("/qapi/admin/v1/wallets/{walletId}/faucet", "post")]
    public async Task OpenApiDocument_ListsTheAdminRoute(string path, string method)
    {
        var document = await server.Http.GetFromJsonAsync<JsonElement>(server.Origin + "/openapi/v1.json");
        Assert.True(document.GetProperty("paths").GetProperty(path).TryGetProperty(method, out _));
    }

    [Fact]
    public async Task PersonalOwner_CreatesAFundAndWallet_WithThemselvesAsApprover()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (personId, keyId, secret) = await server.InScopeAsync(async sp =>
        {
            var (person, _) = await sp.GetRequiredService<AccountService>().CreatePersonalAsync("solo" + suffix,
                "Solo", "Owner", $"solo{suffix}@kit.test", default);
            var (key, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(person.Id, "own",
                ApiKeyPermissions.Admin, [], null, person.Id, default);
            return (person.Id, key.Id, secret);
        });
        var owner = new SignedClient(server.Http, server.Origin + FundAdminKit.AdminBase, keyId, secret);

        var fund = await FundAdminKit.SendAsync(owner, HttpMethod.Post, $"/accounts/{personId}/funds",
            new { name = "Savings", approvers = new[] { personId }, threshold = 1 }, HttpStatusCode.Created);
        var fundId = fund.GetProperty("id").GetString()!;
        await FundAdminKit.SendAsync(owner, HttpMethod.Post, $"/funds/{fundId}/wallets",
            new { name = "ETH", asset = "ETH-TESTNET" }, HttpStatusCode.Created);
        await FundAdminKit.SendAsync(owner, HttpMethod.Put, $"/funds/{fundId}/policies/withdrawal",
            new { threshold = 1, members = new[] { personId } }, HttpStatusCode.OK);

        var list = await FundAdminKit.SendAsync(owner, HttpMethod.Get, $"/accounts/{personId}/funds", null,
            HttpStatusCode.OK);
        var wallet = list[0].GetProperty("wallets")[0];
        Assert.Equal("standard", wallet.GetProperty("type").GetString());
        Assert.StartsWith("0x", wallet.GetProperty("address").GetString());
    }
}
