using System.Numerics;

namespace Qapi.Data.Broadcast;

/// <summary>The parts of a transaction receipt that decide its status.</summary>
public sealed record RpcReceipt(
    BigInteger BlockNumber, string BlockHash, bool Succeeded, BigInteger GasUsed, BigInteger? EffectiveGasPrice)
{
    /// <summary>What the transaction paid for gas, in wei, when the node says (<c>effectiveGasPrice</c>).</summary>
    public BigInteger? FeeWei => EffectiveGasPrice is { } price ? GasUsed * price : null;
}
