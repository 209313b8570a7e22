using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>The sandbox faucet credits a wallet as a recorded deposit, within its limits.</summary>
public sealed class FaucetAdminTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Faucet_CreditsTheWallet_AsOneDepositInTheLedger()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var fundId = await kit.FundAsync();
        var walletId = (await kit.WalletAsync(fundId)).GetProperty("id").GetString()!;
        var reader = await kit.ApiClientAsync(ApiKeyPermissions.ReadOnly);
        var before = await kit.LastAuditIdAsync();

        var credit = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            new { amount = "0.5" }, HttpStatusCode.Created);
        Assert.Equal(500_000_000, credit.GetProperty("amount").GetInt64());
        Assert.Equal(500_000_000, credit.GetProperty("balance").GetInt64());
        await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            new { amount = "0.000000001" }, HttpStatusCode.Created);

        using var ledger = await reader.GetAsync($"/funds/{fundId}/ledger");
        var items = JsonDocument.Parse(await ledger.Content.ReadAsStringAsync()).RootElement.GetProperty("list")
            .EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.GetProperty("txID").GetString() == credit.GetProperty("txID").GetString());
        var wallet = await FundAdminKit.SendAsync(kit.Admin, HttpMethod.Get, $"/wallets/{walletId}", null,
            HttpStatusCode.OK);
        Assert.Equal(500_000_001, wallet.GetProperty("balance").GetInt64());

        var audit = await kit.AuditAfterAsync(before);
        Assert.Equal(["ledger.deposit", "ledger.deposit"], audit.Select(e => e.Action));
        Assert.Equal(credit.GetProperty("txID").GetString(), audit[0].ObjectId);
    }

    [Theory]
    [InlineData("0.0000000001", "invalid_amount")]
    [InlineData("-1", "invalid_amount")]
    [InlineData("0", "invalid_amount")]
    [InlineData("1e9", "invalid_amount")]
    [InlineData("10.000000001", "faucet_limit")]
    [InlineData("1000000", "faucet_limit")]
    public async Task BadOrExcessiveAmount_IsRefused_AndChangesNothing(string amount, string error)
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var walletId = (await kit.WalletAsync(await kit.FundAsync())).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet", new { amount },
            HttpStatusCode.BadRequest, error);

        Assert.Equal(0, await kit.InDbAsync(db => db.LedgerEntries.CountAsync(e => e.WalletId == walletId)));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public async Task NumericAmount_IsRefusedAsMalformed()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var walletId = (await kit.WalletAsync(await kit.FundAsync())).GetProperty("id").GetString()!;
        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            """{"amount":0.5}""", HttpStatusCode.BadRequest, "malformed_body");
    }
}
