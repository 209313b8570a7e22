using System.Numerics;
using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmTransactionTests
{
    private static readonly EvmAddress To = EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly EvmFees Fees = new EvmLegacyFees(1);

    [Fact]
    public void Constructor_ChainIdZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvmTransaction(0, 0, To, 0, 21_000, Fees, []));
    }

    [Fact]
    public void Constructor_NonceAboveEip2681Limit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new EvmTransaction(1, EvmQuantity.MaxUInt64, To, 0, 21_000, Fees, []));
    }

    [Fact]
    public void Constructor_ValueAboveTwoTo256MinusOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new EvmTransaction(1, 0, To, EvmQuantity.MaxUInt256 + 1, 21_000, Fees, []));
    }

    [Fact]
    public void Eip1559Fees_PriorityAboveMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvmEip1559Fees(1, 2));
    }

    [Fact]
    public void Equals_SameFieldsInDifferentArrays_IsTrue()
    {
        var first = new EvmTransaction(1, 0, To, 5, 21_000, Fees, [1, 2, 3]);
        var second = new EvmTransaction(1, 0, To, 5, 21_000, new EvmLegacyFees(1), [1, 2, 3]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, new EvmTransaction(1, 0, To, 5, 21_000, Fees, [1, 2, 4]));
    }

    [Fact]
    public void Sign_InvalidPrivateKey_Throws()
    {
        var transaction = new EvmTransaction(1, 0, To, BigInteger.One, 21_000, Fees, []);

        Assert.Throws<ArgumentException>(() => EvmTransactionSigner.Sign(transaction, new byte[32]));
        Assert.Throws<ArgumentException>(() => EvmTransactionSigner.Sign(transaction, new byte[31]));
    }
}
