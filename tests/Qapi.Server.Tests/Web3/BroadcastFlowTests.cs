using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qapi.Data;
using Qapi.Data.Broadcast;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// Transactions created and approved through the API are broadcast by the server's worker to a real node
/// (ganache, npm), mined and confirmed; RPC failures become events and lose nothing. Every signed transaction is
/// also parsed by ethers (npm), which must recover the wallet's address. Run once per store.
/// </summary>
[Trait("Category", "Ganache")]
public abstract class BroadcastFlowTests<TFixture>(TFixture server) : IAsyncLifetime
    where TFixture : BroadcastServerFixture
{
    private const string Chain = BroadcastServerFixture.GanacheChain;

    private BroadcastKit Kit => server.Kit;

    public ValueTask InitializeAsync()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ganache_StartedWithTheDemoMnemonic_HoldsTheDemoWalletWithEther()
    {
        var accounts = await server.Ganache.CallAsync("eth_accounts");
        var balance = await server.Ganache.CallAsync("eth_getBalance", server.Demo.WalletAddress, "latest");

        Assert.Contains(server.Demo.WalletAddress.ToLowerInvariant(),
            accounts.EnumerateArray().Select(a => a.GetString()));
        Assert.True(Quantity(balance) > 0);
    }

    [Fact]
    public async Task LegacyTransaction_ApprovedForGanache_IsPushedMinedAndConfirmed() =>
        await FollowToConfirmedAsync(Kit.Body(("gasPrice", "20000000000"), ("chainID", Chain)), expectedType: 0);

    [Fact]
    public async Task Eip1559Transaction_ApprovedForGanache_IsPushedMinedAndConfirmed() =>
        await FollowToConfirmedAsync(Kit.Body(("maxFeePerGas", "30000000000"), ("maxPriorityFeePerGas", "1000000000"),
            ("chainID", Chain)), expectedType: 2);

    [Fact]
    public async Task RevertedTransaction_EndsFailed_ItsValueStaysInTheWallet_AndItsGasIsSpent()
    {
        var availableBefore = await WalletAvailableAsync();

        // SHA-256 (precompile 0x02) of one byte costs 72 gas; the limit leaves it 0, so the call runs out of gas.
        var approved = await Kit.CreateApprovedAsync(Kit.Body(("to", "0x0000000000000000000000000000000000000002"),
            ("data", "0x01"), ("gasLimit", "21016"), ("maxFeePerGas", "30000000000"),
            ("maxPriorityFeePerGas", "1000000000"), ("chainID", Chain)));
        var txId = approved.GetProperty("txID").GetString()!;
        var txHash = approved.GetProperty("txHash").GetString()!;
        var failed = await Kit.WaitForStatusAsync(txId, "failed");

        var receipt = await server.Ganache.CallAsync("eth_getTransactionReceipt", txHash);
        Assert.Equal("0x0", receipt.GetProperty("status").GetString());
        var ended = BroadcastKit.Events(failed).Last();
        Assert.Equal("failed", ended.Status);
        Assert.Contains($"Reverted in block {Quantity(receipt.GetProperty("blockNumber"))}", ended.Message);
        // The value comes back; the fee is what the receipt shows it paid (all its gas, at the price it paid).
        var fee = Gwei(Quantity(receipt.GetProperty("gasUsed")) * Quantity(receipt.GetProperty("effectiveGasPrice")));
        Assert.Equal(availableBefore - fee, await WalletAvailableAsync());
        Assert.Equal(fee, (await LedgerEntryAsync(txId)).Fees);
        Assert.Equal("failed", await LedgerStatusAsync(txId));
        await AssertEthersRecoversTheWalletAsync(approved, expectedType: 2);
        AssertNothingLeaked(failed);
    }

    [Fact]
    public async Task NodeRefusal_BecomesAnEvent_AndTheSignedTransactionIsKept()
    {
        // More than the node's accounts hold (1,000 ETH each), though Qapi's books hold it, so ganache refuses it. It
        // comes from a wallet of its own, so the nonce it takes (and never sees mined) leaves the demo wallet's
        // sequence, and the other tests, untouched.
        var side = await SideWalletAsync();
        var approved = await Kit.CreateApprovedAsync(Kit.Body(("from", side), ("value", "1500000000000000000000"),
            ("gasPrice", "20000000000"), ("chainID", Chain)));
        var txId = approved.GetProperty("txID").GetString()!;

        var refused = await Kit.WaitForAsync(txId, "an event about the refusal", tx => BroadcastKit.Events(tx)
            .Any(e => e.Message.Contains("insufficient funds", StringComparison.Ordinal)));

        AssertKeptApproved(approved, refused);
        var note = BroadcastKit.Events(refused).Single(e => e.Message.Contains("Broadcast failed",
            StringComparison.Ordinal));
        Assert.Equal("approved", note.Status);
        Assert.Contains("eth_sendRawTransaction", note.Message);
        await AssertEthersRecoversTheWalletAsync(approved, expectedType: 0, from: side);
        AssertNothingLeaked(refused);
    }

    [Fact]
    public async Task UnreachableEndpoint_WritesOneEventPerCause_AndTheTransactionStaysApprovedWithItsSignedTx()
    {
        var approved = await Kit.CreateApprovedAsync(Kit.Body(("maxFeePerGas", "30000000000"),
            ("maxPriorityFeePerGas", "1000000000"), ("chainID", BroadcastServerFixture.UnreachableChain)));
        var txId = approved.GetProperty("txID").GetString()!;

        await Kit.WaitForAsync(txId, "an event about the unreachable endpoint", tx => BroadcastKit.Events(tx)
            .Any(e => e.Message.Contains("could not connect", StringComparison.Ordinal)));
        await WaitForLogAsync(txId, "RPC failure 3 ");
        var later = await Kit.StatusAsync(txId);

        AssertKeptApproved(approved, later);
        var failures = BroadcastKit.Events(later).Where(e => e.Message.Contains("Broadcast failed",
            StringComparison.Ordinal)).ToList();
        var failure = Assert.Single(failures);
        Assert.Equal("approved", failure.Status);
        Assert.Contains("The signed transaction is kept", failure.Message);
        await AssertEthersRecoversTheWalletAsync(approved, expectedType: 2);
        AssertNothingLeaked(later);
    }

    [Fact]
    public async Task RacingPasses_OverOneTransaction_RecordEachStatusOnce()
    {
        var approved = await Kit.CreateApprovedAsync(Kit.Body(("gasPrice", "20000000000"), ("chainID", Chain)));
        var txId = approved.GetProperty("txID").GetString()!;
        await Kit.WaitForStatusAsync(txId, "mined");
        var endpoint = server.App.Services.GetRequiredService<IOptions<BroadcastOptions>>().Value.Endpoints[Chain];

        // The next block confirms it: four passes (as if on four nodes) race the server's own worker to say so.
        await server.Ganache.CallAsync("evm_mine");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<BroadcastService>().RunAsync(Chain, endpoint, default);
            return 0;
        })));
        var confirmed = await Kit.WaitForStatusAsync(txId, "confirmed");

        var statuses = BroadcastKit.Events(confirmed).Select(e => e.Status).ToList();
        Assert.Equal(["created", "pending", "authorized", "approved", "pushed", "mined", "confirmed"], statuses);
    }

    private async Task FollowToConfirmedAsync(string body, int expectedType)
    {
        var availableBefore = await WalletAvailableAsync();
        var approved = await Kit.CreateApprovedAsync(body);
        var txId = approved.GetProperty("txID").GetString()!;
        var txHash = approved.GetProperty("txHash").GetString()!;
        await AssertEthersRecoversTheWalletAsync(approved, expectedType);

        var mined = await Kit.WaitForStatusAsync(txId, "mined");
        var receipt = await server.Ganache.CallAsync("eth_getTransactionReceipt", txHash);
        Assert.Equal(txHash, receipt.GetProperty("transactionHash").GetString());
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(server.Demo.WalletAddress.ToLowerInvariant(), receipt.GetProperty("from").GetString());
        var block = Quantity(receipt.GetProperty("blockNumber"));
        Assert.Contains(BroadcastKit.Events(mined), e => e is { Status: "mined" }
            && e.Message == $"Mined in block {block}");

        // One block deep counts one confirmation of the two required: it stays mined until the next block.
        await Task.Delay(600);
        Assert.Equal("mined", (await Kit.StatusAsync(txId)).GetProperty("status").GetString());
        await server.Ganache.CallAsync("evm_mine");
        var confirmed = await Kit.WaitForStatusAsync(txId, "confirmed");

        var statuses = BroadcastKit.Events(confirmed).Select(e => e.Status).ToList();
        Assert.Equal(["created", "pending", "authorized", "approved", "pushed", "mined", "confirmed"], statuses);
        Assert.Equal(approved.GetProperty("signedTx").GetString(), confirmed.GetProperty("signedTx").GetString());
        var to = JsonDocument.Parse(body).RootElement.GetProperty("to").GetString()!;
        var received = await server.Ganache.CallAsync("eth_getBalance", to, "latest");
        Assert.Equal(BigInteger.Parse(confirmed.GetProperty("value").GetString()!), Quantity(received));
        Assert.Equal("confirmed", await LedgerStatusAsync(txId));

        // The fee settles at what the receipt shows it paid, not at its cap: the books match the chain.
        var fee = Gwei(Quantity(receipt.GetProperty("gasUsed")) * Quantity(receipt.GetProperty("effectiveGasPrice")));
        var value = Gwei(BigInteger.Parse(confirmed.GetProperty("value").GetString()!));
        var entry = await LedgerEntryAsync(txId);
        Assert.Equal((-value, fee, -value - fee), (entry.Amount, entry.Fees, entry.NetAmount));
        Assert.Equal(availableBefore - value - fee, await WalletAvailableAsync());
        AssertNothingLeaked(confirmed);
    }

    private async Task AssertEthersRecoversTheWalletAsync(JsonElement tx, int expectedType, string? from = null)
    {
        var parsed = (await NodeTools.ParseSignedAsync([tx.GetProperty("signedTx").GetString()!]))[0];

        Assert.False(parsed.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal(from ?? server.Demo.WalletAddress, parsed.GetProperty("from").GetString());
        Assert.Equal(tx.GetProperty("txHash").GetString(), parsed.GetProperty("hash").GetString());
        Assert.Equal(expectedType, parsed.GetProperty("type").GetInt32());
        Assert.Equal(tx.GetProperty("chainID").GetString(), parsed.GetProperty("chainId").GetString());
        Assert.Equal(tx.GetProperty("nonce").GetString(), parsed.GetProperty("nonce").GetString());
    }

    private Task<string> SideWalletAsync() =>
        server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Qapi.Data.QapiDbContext>();
            var fundId = await db.Wallets.Where(w => w.Id == server.Demo.WalletId).Select(w => w.FundId)
                .SingleAsync();
            var wallet = await sp.GetRequiredService<Qapi.Data.Services.WalletService>().CreateAsync(
                server.Demo.OrganizationId, fundId, "Side", "ETH-TESTNET", Qapi.Core.Wallets.WalletType.External,
                sandbox: true, default);
            await sp.GetRequiredService<Qapi.Data.Services.LedgerService>().RecordDepositAsync(wallet.Id,
                2_000L * 1_000_000_000, "faucet", "side wallet", default);
            return wallet.Address;
        });

    private static void AssertKeptApproved(JsonElement approved, JsonElement later)
    {
        Assert.Equal("approved", later.GetProperty("status").GetString());
        Assert.Equal(approved.GetProperty("signedTx").GetString(), later.GetProperty("signedTx").GetString());
        Assert.Equal(approved.GetProperty("txHash").GetString(), later.GetProperty("txHash").GetString());
    }

    private void AssertNothingLeaked(JsonElement tx)
    {
        var logs = string.Join('\n', server.Logs.Lines);
        var signedHex = tx.GetProperty("signedTx").GetString()![2..];
        Assert.DoesNotContain(server.EndpointToken, logs);
        Assert.DoesNotContain(signedHex, logs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(tx.GetProperty("txID").GetString()!, logs);
        Assert.All(BroadcastKit.Events(tx), e => Assert.DoesNotContain(server.EndpointToken, e.Message));
    }

    private async Task WaitForLogAsync(string txId, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!server.Logs.Lines.Any(l => l.Contains(txId, StringComparison.Ordinal)
                   && l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line with {text} for {txId}");
            await Task.Delay(100);
        }
    }

    private Task<long> WalletAvailableAsync() =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Wallets
            .Where(w => w.Id == server.Demo.WalletId).Select(w => w.Available).SingleAsync());

    private Task<Qapi.Data.Entities.LedgerEntry> LedgerEntryAsync(string txId) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().LedgerEntries.AsNoTracking()
            .SingleAsync(e => e.TxId == txId));

    // Wei to the wallet's gwei, rounded up as the server rounds a reservation.
    private static long Gwei(BigInteger wei) => (long)((wei + 999_999_999) / 1_000_000_000);

    private Task<string> LedgerStatusAsync(string txId) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().LedgerEntries
            .Where(e => e.TxId == txId).Select(e => e.Status).SingleAsync());

    private static BigInteger Quantity(JsonElement hex) =>
        BigInteger.Parse("0" + hex.GetString()![2..], System.Globalization.NumberStyles.HexNumber);
}
