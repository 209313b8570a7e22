using System.Net;
using Microsoft.EntityFrameworkCore;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// A production server never mints (the faucet is refused there, even for a testnet wallet), and says so at start
/// when the key that encrypts its secrets sits in a file beside its database.
/// </summary>
public sealed class ProductionFaucetTests(ProductionFaucetTests.ProductionServer server)
    : IClassFixture<ProductionFaucetTests.ProductionServer>
{
    [Fact]
    public async Task Faucet_InProduction_IsRefused_AndChangesNothing()
    {
        var kit = await FundAdminKit.CreateAsync(server);
        var walletId = (await kit.WalletAsync(await kit.FundAsync())).GetProperty("id").GetString()!;
        var before = await kit.LastAuditIdAsync();

        await FundAdminKit.RefusedAsync(kit.Admin, HttpMethod.Post, $"/wallets/{walletId}/faucet",
            new { amount = "1" }, HttpStatusCode.Forbidden, "faucet_production");

        Assert.Equal(0, await kit.InDbAsync(db => db.LedgerEntries.CountAsync(e => e.WalletId == walletId)));
        Assert.Empty(await kit.AuditAfterAsync(before));
    }

    [Fact]
    public void Production_WithItsKeyInAFileBesideTheStore_WarnsAtStart()
    {
        Assert.Contains(server.Logs.Lines, line => line.Contains("beside the database", StringComparison.Ordinal)
            && line.Contains("Qapi:KeyEncryptionKey", StringComparison.Ordinal));
    }

    public sealed class ProductionServer : QapiServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--Qapi:Environment=production"];
    }
}
