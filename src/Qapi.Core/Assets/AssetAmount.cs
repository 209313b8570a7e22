using System.Numerics;

namespace Qapi.Core.Assets;

/// <summary>
/// Reads an amount written in whole asset units as a plain decimal string (<c>"0.5"</c>) into base units.
/// Strings, not JSON numbers, so no client's floating point rounds an amount on the way.
/// </summary>
public static class AssetAmount
{
    /// <summary>
    /// Parses digits with at most one point and no more decimals than the asset's scale allows; no sign, exponent
    /// or grouping. On failure <paramref name="reason"/> says what was wrong.
    /// </summary>
    public static bool TryParse(string? text, Asset asset, out long baseUnits, out string reason)
    {
        baseUnits = 0;
        reason = "";
        var decimals = DecimalsOf(asset.Scale);
        if (string.IsNullOrEmpty(text))
        {
            reason = "The amount is required, as a decimal string such as \"0.5\".";
            return false;
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || (point >= 0 && fraction.Length == 0))
        {
            reason = $"The amount '{Shorten(text)}' is not a plain decimal number such as \"0.5\".";
            return false;
        }

        if (fraction.Length > decimals)
        {
            reason = $"{asset.Code} has {decimals} decimals; the amount has {fraction.Length}.";
            return false;
        }

        var units = BigInteger.Parse(whole + fraction.PadRight(decimals, '0'),
            System.Globalization.CultureInfo.InvariantCulture);
        if (units <= 0 || units > long.MaxValue)
        {
            reason = units <= 0 ? "The amount must be positive." : "The amount is too large.";
            return false;
        }

        baseUnits = (long)units;
        return true;
    }

    /// <summary>How many decimal places a power-of-ten scale gives.</summary>
    public static int DecimalsOf(long scale)
    {
        var decimals = 0;
        for (var s = scale; s > 1; s /= 10)
        {
            if (s % 10 != 0)
            {
                throw new ArgumentException($"A scale is a power of ten, not {scale}.", nameof(scale));
            }

            decimals++;
        }

        return decimals;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
