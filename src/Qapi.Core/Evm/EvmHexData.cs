using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>The <c>data</c> field of a Web3 transaction: hex bytes, with or without <c>0x</c>.</summary>
public static class EvmHexData
{
    /// <summary>
    /// Parses call data. A missing or empty field, or a bare <c>0x</c>, means no data. On failure
    /// <paramref name="reason"/> completes a sentence that starts with the field's name.
    /// </summary>
    public static bool TryParse(
        string? text,
        out ImmutableArray<byte> data,
        [NotNullWhen(false)] out string? reason)
    {
        data = ImmutableArray<byte>.Empty;
        reason = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (HexText.HasWhiteSpace(text))
        {
            reason = "must not contain whitespace";
            return false;
        }

        var digits = text.StartsWith("0x", StringComparison.Ordinal) ? text.AsSpan(2) : text.AsSpan();
        if (!HexText.IsAllHex(digits))
        {
            reason = "must contain only hex digits, after an optional 0x";
            return false;
        }

        if (digits.Length % 2 != 0)
        {
            reason = "must have an even number of hex digits (whole bytes)";
            return false;
        }

        data = ImmutableCollectionsMarshal.AsImmutableArray(Convert.FromHexString(digits));
        return true;
    }

    /// <summary>Bytes as lowercase hex with <c>0x</c>; <c>0x</c> alone for none.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
