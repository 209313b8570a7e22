using System.Buffers.Text;

namespace Qapi.Core.Protocol;

/// <summary>Base64 helpers that tolerate both alphabets and missing padding, as Qredo clients send them.</summary>
public static class Base64Text
{
    /// <summary>Encodes bytes as URL-safe base64 without padding.</summary>
    public static string EncodeUrlNoPad(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes standard or URL-safe base64, padded or not, into a new array.</summary>
    public static bool TryDecodeAnyAlphabet(string text, out byte[] bytes)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (TryDecodeAnyAlphabet(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not, into a caller's buffer.</summary>
    public static bool TryDecodeAnyAlphabet(string text, Span<byte> destination, out int written)
    {
        written = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            return false;
        }

        var trimmed = text.AsSpan().TrimEnd('=');
        if (trimmed.Length % 4 == 1)
        {
            return false;
        }

        Span<char> normal = stackalloc char[trimmed.Length];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            normal[i] = c switch
            {
                '+' or '-' => '-',
                '/' or '_' => '_',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => '\0',
            };
            if (normal[i] == '\0')
            {
                return false;
            }
        }

        if (Base64Url.GetMaxDecodedLength(normal.Length) > destination.Length)
        {
            return false;
        }

        return Base64Url.TryDecodeFromChars(normal, destination, out written);
    }
}
