using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// Signed transactions of every shape the API accepts, as the server signs them, are decoded by ethers (npm), an
/// implementation independent of ours: it recovers the wallet's address and reads back exactly what was asked.
/// </summary>
public sealed class EthersParsingTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const string Erc20Transfer = "0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
        + "0000000000000000000000000000000000000000000000000de0b6b3a7640000";

    [Fact]
    public async Task SignedTransactions_OfEveryShape_AreParsedByEthersAndRecoverTheWallet()
    {
        NodeTools.RequireInstalled();
        var kit = await BroadcastKit.CreateAsync(server);
        var max = (BigInteger.One << 256) - 1;

        // A fee cap of 2^256-1 wei reserves as much as a balance can show (the reservation is held at a cap), so this
        // one wallet is given that much for the extreme shapes; the value signed stays exact.
        await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE \"Wallets\" SET \"Available\" = {long.MaxValue / 2} WHERE \"Id\" = {server.Demo.WalletId}"));
        (string Name, string Value)[][] requests =
        [
            [("gasPrice", "1"), ("value", "0"), ("chainID", "11155111")],
            [("gasPrice", "0x4a817c800"), ("value", "0xde0b6b3a7640000"), ("gasLimit", "65000"),
                ("data", Erc20Transfer), ("chainID", "17000")],
            [("maxFeePerGas", "30000000000"), ("maxPriorityFeePerGas", "0"), ("value", "123456789012345678"),
                ("chainID", "80002")],
            [("maxFeePerGas", max.ToString()), ("maxPriorityFeePerGas", max.ToString()),
                ("data", "0x00ff00"), ("chainID", "560048")],
            [("maxFeePerGas", "2"), ("maxPriorityFeePerGas", "1"), ("chainID", "0x539")],
            [("gasPrice", "20000000000"), ("to", Erc20Transfer[..42]), ("chainID", "31337")],
        ];

        var signed = new List<JsonElement>();
        foreach (var fields in requests)
        {
            signed.Add(await kit.CreateApprovedAsync(kit.Body(fields)));
        }

        var parsed = await NodeTools.ParseSignedAsync(signed.Select(s => s.GetProperty("signedTx").GetString()!)
            .ToList());

        foreach (var (tx, decoded) in signed.Zip(parsed))
        {
            Assert.False(decoded.TryGetProperty("error", out var error), $"{error}: {tx}");
            Assert.Equal(server.Demo.WalletAddress, decoded.GetProperty("from").GetString());
            Assert.Equal(tx.GetProperty("txHash").GetString(), decoded.GetProperty("hash").GetString());
            var legacy = tx.GetProperty("gasPrice").GetString() != "";
            Assert.Equal(legacy ? 0 : 2, decoded.GetProperty("type").GetInt32());
            Assert.Equal(tx.GetProperty("to").GetString()!, decoded.GetProperty("to").GetString()!,
                StringComparer.OrdinalIgnoreCase);
            foreach (var (ours, theirs) in new[]
            {
                ("chainID", "chainId"), ("nonce", "nonce"), ("value", "value"), ("gasLimit", "gasLimit"),
                ("gasPrice", "gasPrice"), ("maxFeePerGas", "maxFeePerGas"),
                ("maxPriorityFeePerGas", "maxPriorityFeePerGas"), ("data", "data"),
            })
            {
                var expected = tx.GetProperty(ours).GetString()!;
                var actual = decoded.GetProperty(theirs).GetString() ?? "";
                Assert.True(expected == actual || (ours == "data" && expected == "" && actual == "0x"),
                    $"{ours}: ours {expected}, ethers {actual}");
            }
        }
    }
}
