using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// The end-of-run check of every signed transaction (<see cref="EthersSignedTransactionCheck"/>) passes a right
/// one and names each way one can be wrong, so a run where the server signed a bad one cannot pass.
/// </summary>
public sealed class EthersSignedTransactionCheckTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Check_PassesARightSignedTransaction_AndNamesEveryWrongOne()
    {
        NodeTools.RequireInstalled();
        var kit = await BroadcastKit.CreateAsync(server);
        var tx = await kit.CreateApprovedAsync(kit.Body(("gasPrice", "1"), ("chainID", "11155111")));
        var right = new SignedTransactionRecord("test", "right", tx.GetProperty("signedTx").GetString()!,
            server.Demo.WalletAddress, tx.GetProperty("txHash").GetString()!, tx.GetProperty("nonce").GetString()!,
            tx.GetProperty("chainID").GetString()!);
        // Another last digit of s: the signature still parses (s stays below half the order) but proves another key.
        var lastDigit = right.SignedTx[^1];
        var otherS = right.SignedTx[..^1] + (lastDigit == '0' ? '1' : '0');
        SignedTransactionRecord[] records =
        [
            right,
            right with { TxId = "wallet", WalletAddress = Web3Kit.Receiver },
            right with { TxId = "hash", TxHash = "0x" + new string('1', 64) },
            right with { TxId = "nonce", Nonce = "99" },
            right with { TxId = "chain", ChainId = "1" },
            right with { TxId = "signature", SignedTx = otherS },
            right with { TxId = "garbage", SignedTx = "0x1234" },
        ];

        var problems = await EthersSignedTransactionCheck.ProblemsAsync(records);

        Assert.Equal(records.Length - 1, problems.Count);
        Assert.DoesNotContain(problems, p => p.Contains("transaction right:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction wallet: recovers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction hash: hash", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction nonce: nonce", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction chain: chainId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction signature: recovers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("transaction garbage: ethers cannot", StringComparison.Ordinal));
    }
}
