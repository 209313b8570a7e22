using System.Globalization;
using System.Text.Json;
using Qapi.Client.Models.Admin;
using Qapi.Data.Entities;

namespace Qapi.Cli.Output;

/// <summary>Audit entries as <c>qapi audit list</c> shows them, read from the store or from the admin API.</summary>
internal static class AuditViews
{
    public static AuditEntryInfo Info(AuditEntry e)
    {
        using var detail = JsonDocument.Parse(e.Detail);
        var when = DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new AuditEntryInfo(e.Id, when, e.Actor, e.Action, e.AccountId, e.ObjectId, detail.RootElement.Clone(),
            e.PreviousHash, e.Hash);
    }

    public static void WriteTable(CliConsole console, IEnumerable<AuditEntryInfo> entries)
    {
        string[] headers = ["#", "WHEN (UTC)", "ACTOR", "ACTION", "ACCOUNT", "OBJECT"];
        TableWriter.Write(console, headers, entries.Select(e => new[]
        {
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.Timestamp,
            e.Actor,
            e.Action,
            e.AccountId,
            e.ObjectId,
        }.Select(TerminalText.Printable).ToArray()));
    }
}
