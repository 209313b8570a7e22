using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using Qapi.Core.Evm;
using Qapi.Core.Wallets;

namespace Qapi.Core.Tests.Evm;

/// <summary>
/// Checks the libsecp256k1 signing path against Nethereum's own (BouncyCastle) signer: both use RFC 6979 nonces
/// and low s, so every byte must agree, including the rare signatures whose r or s starts with a zero byte.
/// </summary>
public sealed class EvmTransactionSignerReferenceTests
{
    private static readonly byte[] Key = EvmKeyDerivation.PrivateKey(EvmVectors.Mnemonic, 1);
    private static readonly EvmAddress KeyAddress = EvmAddress.Parse(EvmKeyDerivation.Address(EvmVectors.Mnemonic, 1));
    private static readonly EvmAddress Receiver = EvmAddress.Parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sign_VariedTransaction_MatchesNethereumDefaultSigner(int seed)
    {
        var transaction = Varied(seed);

        var signed = EvmTransactionSigner.Sign(transaction, Key);

        Assert.Equal(NethereumSign(transaction), signed.SignedTransactionHex);
        Assert.True(EvmTransactionRecovery.IsSignedBy(signed.SignedTransaction.AsSpan(), KeyAddress));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1, false)]
    public void Sign_SignatureWithLeadingZeroByte_TrimsItLikeNethereum(int component, bool eip1559)
    {
        // About one signature in 256 has r (or s) below 2^248; look for one by walking the nonce.
        for (var nonce = 0; nonce < 5000; nonce++)
        {
            var transaction = Simple(nonce, eip1559);
            var signed = EvmTransactionSigner.Sign(transaction, Key);
            var signature = TransactionFactory.CreateTransaction(signed.SignedTransaction.ToArray()).Signature;
            var value = component == 0 ? signature.R : signature.S;
            if (value.Length < 32)
            {
                Assert.Equal(NethereumSign(transaction), signed.SignedTransactionHex);
                Assert.True(EvmTransactionRecovery.IsSignedBy(signed.SignedTransaction.AsSpan(), KeyAddress));
                return;
            }
        }

        Assert.Fail("No signature with a leading zero byte in 5000 tries.");
    }

    [Fact]
    public void Sign_ManyThreadsAtOnce_GivesTheSameBytesAsOneThread()
    {
        // The secp256k1 context and its precomputed tables are shared process-wide.
        var transactions = Enumerable.Range(0, 64).Select(Varied).ToArray();
        var expected = transactions.Select(t => EvmTransactionSigner.Sign(t, Key).SignedTransactionHex).ToArray();

        var actual = new string[transactions.Length];
        Parallel.For(0, transactions.Length * 8, i =>
        {
            var index = i % transactions.Length;
            actual[index] = EvmTransactionSigner.Sign(transactions[index], Key).SignedTransactionHex;
            Assert.Equal(expected[index], actual[index]);
        });

        Assert.Equal(expected, actual);
    }

    private static EvmTransaction Simple(int nonce, bool eip1559) => new(
        chainId: eip1559 ? 1 : 56,
        nonce: nonce,
        to: Receiver,
        value: 1,
        gasLimit: 21_000,
        fees: eip1559 ? new EvmEip1559Fees(2_000_000_000, 1_000_000_000) : new EvmLegacyFees(5_000_000_000),
        data: []);

    private static EvmTransaction Varied(int seed)
    {
        var random = new Random(seed);
        var chainIds = new BigInteger[] { 1, 10, 137, 56, 11155111, 43114, 1337, BigInteger.Pow(2, 40) + 7 };
        var data = new byte[random.Next(0, 3) switch { 0 => 0, 1 => 4 + 32, _ => random.Next(1, 300) }];
        random.NextBytes(data);
        var value = seed % 5 == 0 ? EvmQuantity.MaxUInt256 : new BigInteger(random.NextInt64()) * random.Next();
        EvmFees fees = seed % 2 == 0
            ? new EvmLegacyFees(random.NextInt64(1, long.MaxValue))
            : new EvmEip1559Fees(random.NextInt64(1_000, long.MaxValue), random.NextInt64(0, 1_000));

        return new EvmTransaction(
            chainIds[seed % chainIds.Length],
            seed % 7 == 0 ? EvmTransaction.MaxNonce : random.Next(),
            Receiver,
            value,
            random.NextInt64(0, long.MaxValue),
            fees,
            [.. data]);
    }

    private static string NethereumSign(EvmTransaction transaction)
    {
        var to = transaction.To.ToString();
        var data = EvmHexData.ToHex(transaction.Data.AsSpan());
        var signed = transaction.Fees switch
        {
            EvmLegacyFees legacy => new LegacyTransactionSigner().SignTransaction(
                Key,
                new LegacyTransactionChainId(
                    to, transaction.Value, transaction.Nonce, legacy.GasPrice, transaction.GasLimit, data,
                    transaction.ChainId)),
            EvmEip1559Fees dynamic => new Transaction1559Signer().SignTransaction(
                Key,
                new Transaction1559(
                    transaction.ChainId, transaction.Nonce, dynamic.MaxPriorityFeePerGas, dynamic.MaxFeePerGas,
                    transaction.GasLimit, to, transaction.Value, data, [])),
            _ => throw new InvalidOperationException(),
        };
        return signed.StartsWith("0x", StringComparison.Ordinal) ? signed : "0x" + signed;
    }
}
