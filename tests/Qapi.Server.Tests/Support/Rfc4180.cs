using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// A strict RFC 4180 reader written for the tests (every record ends with CRLF; a quote only opens a field or
/// doubles inside a quoted one; CR and LF only inside quotes), and Python's csv module as an independent oracle.
/// </summary>
public static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i = ReadQuoted(text, i + 1, field);
            }
            else
            {
                for (; i < text.Length && text[i] is not (',' or '\r'); i++)
                {
                    if (text[i] is '"' or '\n')
                    {
                        throw new FormatException($"A quote or bare LF in an unquoted field at {i}.");
                    }

                    field.Append(text[i]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (i + 1 >= text.Length || text[i] != '\r' || text[i + 1] != '\n')
            {
                throw new FormatException($"A record that does not end with CRLF at {i}.");
            }

            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }

        return fields.Count == 0 ? records : throw new FormatException("The last record has no CRLF.");
    }

    /// <summary>The rows Python's <c>csv.reader</c> reads from the text.</summary>
    public static async Task<List<string[]>> ParseWithPythonAsync(string text)
    {
        const string script = "import csv, io, json, sys\n"
            + "text = sys.stdin.buffer.read().decode('utf-8')\n"
            + "json.dump(list(csv.reader(io.StringIO(text, newline=''), strict=True)), sys.stdout)\n";
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", script },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(new UTF8Encoding(false).GetBytes(text));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return JsonSerializer.Deserialize<List<string[]>>(await output)!;
    }

    private static int ReadQuoted(string text, int i, StringBuilder field)
    {
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FormatException("A quoted field that never closes.");
            }

            if (text[i] != '"')
            {
                field.Append(text[i++]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                i++;
                return i < text.Length && text[i] is not (',' or '\r')
                    ? throw new FormatException($"Text after a closing quote at {i}.")
                    : i;
            }
        }
    }
}
