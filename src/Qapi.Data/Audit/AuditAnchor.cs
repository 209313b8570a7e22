using System.Globalization;

namespace Qapi.Data.Audit;

/// <summary>
/// An entry's id and hash, written down earlier somewhere the database's writers cannot reach. Each hash covers
/// every entry before it, so a chain whose entry of that id has another hash was rewritten, even if it verifies.
/// </summary>
public sealed record AuditAnchor(long Id, string Hash)
{
    private const int HashLength = 64;

    /// <summary>Reads <c>ID:HASH</c>, a positive id and 64 hex digits, as <c>qapi audit verify</c> prints.</summary>
    public static bool TryParse(string text, out AuditAnchor anchor)
    {
        anchor = new AuditAnchor(0, "");
        var parts = text.Trim().Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1
            || parts[1].Length != HashLength || !parts[1].All(char.IsAsciiHexDigit))
        {
            return false;
        }

        anchor = new AuditAnchor(id, parts[1].ToLowerInvariant());
        return true;
    }

    public override string ToString() => $"{Id}:{Hash}";
}
