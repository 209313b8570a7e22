using System.Buffers;
using System.Globalization;

namespace Qapi.Core.Csv;

/// <summary>
/// Writes RFC 4180 records (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF) whose text
/// cells a spreadsheet will not run as formulas (OWASP "CSV injection"). Numbers are written as numbers.
/// </summary>
/// <remarks>
/// A text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR or LF is written with a leading
/// <c>'</c>, which spreadsheets show as text. So is one that already starts with <c>'</c>, so that the rule can be
/// undone without guessing: drop the first character of every text cell that starts with <c>'</c>.
/// See docs/csv.md.
/// </remarks>
public sealed class CsvWriter(TextWriter output)
{
    /// <summary>The prefix that makes a spreadsheet read a cell as text.</summary>
    public const char TextPrefix = '\'';

    private static readonly SearchValues<char> PrefixedStarts = SearchValues.Create("=+-@\t\r\n'");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private bool _inRecord;

    /// <summary>Writes a text cell, neutralised and quoted as needed.</summary>
    public void WriteText(string? value)
    {
        StartField();
        var text = value ?? "";
        var neutralise = NeedsTextPrefix(text);
        if (text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            if (neutralise)
            {
                output.Write(TextPrefix);
            }

            output.Write(text);
            return;
        }

        output.Write('"');
        if (neutralise)
        {
            output.Write(TextPrefix);
        }

        output.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }

    /// <summary>
    /// Writes an integer as a number, negative ones with their minus sign: a number is a value to a spreadsheet,
    /// never a formula.
    /// </summary>
    public void WriteNumber(long value)
    {
        StartField();
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
    }

    /// <summary>Writes a whole record of text cells, such as a header row.</summary>
    public void WriteRecord(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            WriteText(cell);
        }

        EndRecord();
    }

    /// <summary>Ends the current record with CRLF.</summary>
    public void EndRecord()
    {
        output.Write("\r\n");
        _inRecord = false;
    }

    /// <summary>
    /// Whether a text cell gets the <c>'</c> prefix: it starts like a formula, or with the prefix itself.
    /// </summary>
    public static bool NeedsTextPrefix(string text) => text.Length > 0 && PrefixedStarts.Contains(text[0]);

    private void StartField()
    {
        if (_inRecord)
        {
            output.Write(',');
        }

        _inRecord = true;
    }
}
