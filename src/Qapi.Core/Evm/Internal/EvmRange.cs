using System.Numerics;

namespace Qapi.Core.Evm.Internal;

/// <summary>Range guards for values handed to the transaction types directly rather than parsed.</summary>
internal static class EvmRange
{
    public static void ThrowIfNotUInt256(BigInteger value, string name)
    {
        if (value.Sign < 0 || value > EvmQuantity.MaxUInt256)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be between 0 and 2^256-1.");
        }
    }

    public static void ThrowIfNotUInt64(BigInteger value, string name)
    {
        if (value.Sign < 0 || value > EvmQuantity.MaxUInt64)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be between 0 and 2^64-1.");
        }
    }
}
