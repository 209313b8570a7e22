using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// A transaction's status, approvals and cancel answer the keys that may see it only: another account's key gets
/// 404 (the transaction is not revealed), a key narrowed to other wallets 403; neither changes it.
/// </summary>
public sealed class TransactionAccessTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task AnotherAccountsKey_Gets404_OnStatusApprovalsAndCancel()
    {
        var txId = await PendingTransactionAsync();
        var (orgId, _, _) = await server.OtherOrganizationAsync();
        var (keyId, secret) = await server.KeyAsync(orgId, ApiKeyPermissions.Web3);

        await AssertRefusedEverywhereAsync(server.ClientFor(keyId, secret), txId, HttpStatusCode.NotFound,
            "transaction_not_found");
    }

    [Fact]
    public async Task WalletScopedKey_OutsideTheTransactionsWallet_Gets403_OnStatusApprovalsAndCancel()
    {
        var txId = await PendingTransactionAsync();
        var wallets = await server.WalletsOfAsync(server.Demo.OrganizationId);
        Assert.Equal(server.Demo.WalletId, wallets[0].Id);
        var (inside, insideSecret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3,
            wallets[0].Id);
        var (outside, outsideSecret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3,
            wallets[1].Id);

        // The same kind of key, narrowed to the transaction's wallet, may read it: the 403 is the scope's doing.
        var allowed = await server.ClientFor(inside, insideSecret).GetAsync($"/transactions/{txId}/status");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertRefusedEverywhereAsync(server.ClientFor(outside, outsideSecret), txId, HttpStatusCode.Forbidden,
            "outside_key_scope");
    }

    private async Task AssertRefusedEverywhereAsync(
        SignedClient client, string txId, HttpStatusCode status, string error)
    {
        var answers = new[]
        {
            ("status", await client.GetAsync($"/transactions/{txId}/status")),
            ("approvals", await client.GetAsync($"/transactions/{txId}/approvals")),
            ("cancel", await client.SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null)),
        };

        foreach (var (what, response) in answers)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode} {body}");
            Assert.Equal(error, body.GetProperty("detail").GetProperty("error").GetString());
            Assert.DoesNotContain(server.Demo.WalletAddress, body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var unchanged = await server.DemoClient.GetAsync($"/transactions/{txId}/status");
        var tx = await unchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", tx.GetProperty("status").GetString());
    }

    // A value of its own: two identical bodies signed in the same second would be refused as a replay.
    private async Task<string> PendingTransactionAsync() =>
        (await new Web3Kit(server).CreateAsync(Web3Kit.Body(server.Demo.WalletAddress,
            value: Random.Shared.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .GetProperty("txID").GetString()!;
}
