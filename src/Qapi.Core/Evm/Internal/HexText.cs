using System.Buffers;

namespace Qapi.Core.Evm.Internal;

/// <summary>Character checks shared by the quantity, address and data parsers.</summary>
internal static class HexText
{
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsAllHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Digits);

    public static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
