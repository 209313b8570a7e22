using BenchmarkDotNet.Attributes;
using Nethereum.Model;
using Nethereum.Signer;
using Qapi.Core.Evm;

namespace Qapi.Bench.Signing;

/// <summary>
/// Signing only: the key is derived and the transaction validated once in setup. The Nethereum rows are the
/// library's default path (BouncyCastle), kept as the baseline the libsecp256k1 path replaced.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    // Hardhat's well-known first test key ("test test ... junk", m/44'/60'/0'/0/0); never holds real funds.
    private static readonly byte[] Key =
        Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static readonly EvmAddress To = EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    private readonly EvmTransaction _legacy =
        new(1, 0, To, 1_000_000_000_000_000_000, 21_000, new EvmLegacyFees(20_000_000_000), []);

    private readonly EvmTransaction _eip1559 =
        new(11155111, 7, To, 1_000_000_000_000_000, 21_000, new EvmEip1559Fees(30_000_000_000, 1_000_000_000), []);

    [Benchmark]
    public EvmSignedTransaction QapiLegacy() => EvmTransactionSigner.Sign(_legacy, Key);

    [Benchmark]
    public EvmSignedTransaction QapiEip1559() => EvmTransactionSigner.Sign(_eip1559, Key);

    [Benchmark]
    public string NethereumDefaultLegacy() => new LegacyTransactionSigner().SignTransaction(
        Key,
        new LegacyTransactionChainId(To.ToString(), 1_000_000_000_000_000_000, 0, 20_000_000_000, 21_000, "", 1));

    [Benchmark]
    public string NethereumDefaultEip1559() => new Transaction1559Signer().SignTransaction(
        Key,
        new Transaction1559(11155111, 7, 1_000_000_000, 30_000_000_000, 21_000, To.ToString(), 1_000_000_000_000_000,
            "", []));
}
