using System.Numerics;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>A legacy transaction's single gas price, in wei per gas; signed with EIP-155 replay protection.</summary>
public sealed record EvmLegacyFees : EvmFees
{
    /// <summary>Creates legacy fees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is negative or above 2^256-1.</exception>
    public EvmLegacyFees(BigInteger gasPrice)
    {
        EvmRange.ThrowIfNotUInt256(gasPrice, nameof(gasPrice));
        GasPrice = gasPrice;
    }

    /// <summary>Wei per unit of gas.</summary>
    public BigInteger GasPrice { get; }
}
