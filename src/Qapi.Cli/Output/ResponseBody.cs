using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qapi.Cli.Output;

/// <summary>Prints a response body for a person: JSON indented, anything else as text.</summary>
internal static class ResponseBody
{
    // Relaxed escaping is for display only: it keeps "café" readable instead of "caf\u00E9".
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(TextWriter output, MediaTypeHeaderValue? contentType, byte[] body)
    {
        if (body.Length == 0)
        {
            return;
        }

        if (IsJson(contentType) && TryIndent(body, out var pretty))
        {
            await output.WriteLineAsync(pretty);
            return;
        }

        var text = Encoding.UTF8.GetString(body);
        await output.WriteAsync(text);
        if (!text.EndsWith('\n'))
        {
            await output.WriteLineAsync();
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool TryIndent(byte[] body, out string pretty)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                // Numbers are copied as their original text, so large integers are never rounded.
                document.WriteTo(writer);
            }

            pretty = Encoding.UTF8.GetString(buffer.ToArray());
            return true;
        }
        catch (JsonException)
        {
            pretty = "";
            return false;
        }
    }
}
