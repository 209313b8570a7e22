using System.Numerics;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>An EIP-1559 (type 2) transaction's fee caps, in wei per gas.</summary>
public sealed record EvmEip1559Fees : EvmFees
{
    /// <summary>Creates EIP-1559 fees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A cap is negative or above 2^256-1, or the priority fee exceeds the total cap (nodes reject such a
    /// transaction).
    /// </exception>
    public EvmEip1559Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas)
    {
        EvmRange.ThrowIfNotUInt256(maxFeePerGas, nameof(maxFeePerGas));
        EvmRange.ThrowIfNotUInt256(maxPriorityFeePerGas, nameof(maxPriorityFeePerGas));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPriorityFeePerGas, maxFeePerGas);
        MaxFeePerGas = maxFeePerGas;
        MaxPriorityFeePerGas = maxPriorityFeePerGas;
    }

    /// <summary>The most the sender pays per gas, base fee and tip together.</summary>
    public BigInteger MaxFeePerGas { get; }

    /// <summary>The most the sender tips the block producer per gas.</summary>
    public BigInteger MaxPriorityFeePerGas { get; }
}
