using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>
/// Web3 quantities (<c>value</c>, <c>gasLimit</c>, fees, <c>nonce</c>, <c>chainID</c>): JSON strings holding an
/// unsigned integer up to 2^256-1, in decimal or <c>0x</c> hex.
/// </summary>
/// <remarks>
/// Parsing never goes through <see cref="double"/> or <see cref="long"/>: wei amounts routinely exceed both.
/// </remarks>
public static class EvmQuantity
{
    /// <summary>The largest quantity an EVM word holds, 2^256-1.</summary>
    public static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    /// <summary>The largest 64-bit quantity, 2^64-1 (nodes decode gas limits and nonces into 64 bits).</summary>
    public static readonly BigInteger MaxUInt64 = ulong.MaxValue;

    private const string TooLarge = "must not exceed 2^256-1";
    private const string NotANumber = "must be an unsigned integer in decimal digits, or hex digits after 0x";

    // 2^256-1 has 78 decimal and 64 hex digits. Checking the length (after leading zeros) before parsing rejects
    // an oversized string without paying for a quadratic BigInteger parse.
    private const int MaxDecimalDigits = 78;
    private const int MaxHexDigits = 64;

    /// <summary>
    /// Parses a quantity. On failure <paramref name="reason"/> completes a sentence that starts with the field's
    /// name, for example "must not be negative".
    /// </summary>
    public static bool TryParse(string? text, out BigInteger value, [NotNullWhen(false)] out string? reason)
    {
        value = BigInteger.Zero;
        reason = Check(text);
        if (reason is not null)
        {
            return false;
        }

        var isHex = text!.StartsWith("0x", StringComparison.Ordinal);
        var digits = (isHex ? text.AsSpan(2) : text.AsSpan()).TrimStart('0');
        if (digits.Length > (isHex ? MaxHexDigits : MaxDecimalDigits))
        {
            reason = TooLarge;
            return false;
        }

        value = isHex ? ParseHex(digits) : ParseDecimal(digits);
        if (value > MaxUInt256)
        {
            reason = TooLarge;
            return false;
        }

        return true;
    }

    /// <summary>The quantity as minimal <c>0x</c> hex, the JSON-RPC form (<c>0x0</c> for zero).</summary>
    public static string ToHex(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return hex.Length == 0 ? "0x0" : "0x" + hex;
    }

    private static string? Check(string? text)
    {
        if (text is null)
        {
            return "must be present";
        }

        if (text.Length == 0)
        {
            return "must not be empty";
        }

        if (HexText.HasWhiteSpace(text))
        {
            return "must not contain whitespace";
        }

        if (text[0] == '-')
        {
            return "must not be negative";
        }

        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            if (text.Length == 2)
            {
                return "must have hex digits after 0x";
            }

            return HexText.IsAllHex(text.AsSpan(2)) ? null : NotANumber;
        }

        // ASCII digits only: char.IsDigit would let other scripts' digits through.
        return text.AsSpan().ContainsAnyExceptInRange('0', '9') ? NotANumber : null;
    }

    private static BigInteger ParseDecimal(ReadOnlySpan<char> digits) =>
        digits.IsEmpty ? BigInteger.Zero : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static BigInteger ParseHex(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return BigInteger.Zero;
        }

        // A leading 0 stops AllowHexSpecifier from reading a high first digit as a negative two's complement.
        Span<char> padded = stackalloc char[digits.Length + 1];
        padded[0] = '0';
        digits.CopyTo(padded[1..]);
        return BigInteger.Parse(padded, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
