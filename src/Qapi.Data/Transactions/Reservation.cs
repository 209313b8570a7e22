using System.Numerics;
using Qapi.Core.Assets;

namespace Qapi.Data.Transactions;

/// <summary>Converts a value in wei to the asset's base units, rounded up, for pending-outflow reservations.</summary>
internal static class Reservation
{
    private static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);
    private static readonly BigInteger Cap = long.MaxValue / 4;

    public static long InBaseUnits(BigInteger wei, string assetCode)
    {
        var scale = AssetCatalog.ScaleOf(assetCode);
        var weiPerUnit = WeiPerEther / scale;
        var units = BigInteger.DivRem(wei, weiPerUnit, out var remainder) + (remainder.IsZero ? 0 : 1);

        // A value beyond what an int64 balance can show is held at a cap; the signed amount stays exact.
        return (long)BigInteger.Min(units, Cap);
    }
}
