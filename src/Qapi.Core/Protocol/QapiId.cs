using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Qapi.Core.Protocol;

/// <summary>
/// Identifiers in the style of Qredo's: 27 base62 characters of a 4-byte timestamp and 16 random bytes, so that
/// ids sort roughly by creation time and cannot be guessed.
/// </summary>
public static class QapiId
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int IdLength = 27;
    private const long Epoch = 1_400_000_000;

    /// <summary>A new identifier.</summary>
    public static string New()
    {
        Span<byte> raw = stackalloc byte[21];
        raw[0] = 0;
        var seconds = (uint)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - Epoch);
        BinaryPrimitives.WriteUInt32BigEndian(raw[1..5], seconds);
        RandomNumberGenerator.Fill(raw[5..]);

        var value = new BigInteger(raw, isUnsigned: true, isBigEndian: true);
        Span<char> text = stackalloc char[IdLength];
        for (var i = IdLength - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, 62, out var digit);
            text[i] = Alphabet[(int)digit];
        }

        return new string(text);
    }

    /// <summary>Whether text has the shape of an identifier (so it is safe to look up and echo).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= 64 } && text.All(char.IsAsciiLetterOrDigit);
}
