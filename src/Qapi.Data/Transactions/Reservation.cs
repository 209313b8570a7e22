using System.Globalization;
using System.Numerics;
using Qapi.Core.Assets;
using Qapi.Core.Evm;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// What a transaction may take from its wallet, in the asset's base units (rounded up): its value and the most its
/// gas can cost (the gas limit at the fee cap: <c>gasPrice</c>, or <c>maxFeePerGas</c>). That sum is reserved as
/// pending outflow, so that a transaction is signed only if the wallet can pay for it on chain.
/// </summary>
internal static class Reservation
{
    private static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);
    private static readonly BigInteger Cap = long.MaxValue / 4;

    /// <summary>The value and the fee cap of a request, in base units.</summary>
    public static (long Value, long MaxFee) Of(EvmTransactionRequest request, string assetCode) =>
        (InBaseUnits(request.Value, assetCode), InBaseUnits(request.GasLimit * FeeCap(request.Fees), assetCode));

    /// <summary>The value and the fee cap of a stored transaction, in base units.</summary>
    public static (long Value, long MaxFee) Of(Web3Transaction tx, string assetCode)
    {
        var feeCap = Wei(tx.GasPrice ?? tx.MaxFeePerGas ?? "0");
        return (InBaseUnits(Wei(tx.Value), assetCode), InBaseUnits(Wei(tx.GasLimit) * feeCap, assetCode));
    }

    public static long InBaseUnits(BigInteger wei, string assetCode)
    {
        var scale = AssetCatalog.ScaleOf(assetCode);
        var weiPerUnit = WeiPerEther / scale;
        var units = BigInteger.DivRem(wei, weiPerUnit, out var remainder) + (remainder.IsZero ? 0 : 1);

        // A value beyond what an int64 balance can show is held at a cap; the signed amount stays exact.
        return (long)BigInteger.Min(units, Cap);
    }

    private static BigInteger FeeCap(EvmFees fees) => fees switch
    {
        EvmLegacyFees legacy => legacy.GasPrice,
        EvmEip1559Fees dynamic => dynamic.MaxFeePerGas,
        _ => throw new ArgumentException("Unknown fee style.", nameof(fees)),
    };

    private static BigInteger Wei(string decimalText) => BigInteger.Parse(decimalText, CultureInfo.InvariantCulture);
}
