using System.Net.Http.Headers;
using System.Text.Json;
using Qapi.Cli.Output;

namespace Qapi.Cli.Admin;

/// <summary>
/// Prints an admin answer: the server's JSON (indented, digits kept) with <c>--json</c>, else a table or a line.
/// Every cell is made printable first, since names and labels come from other people.
/// </summary>
internal static class AdminOutput
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> WriteAsync(CliConsole console, bool json, AdminAnswer answer, Action table)
    {
        if (json)
        {
            await ResponseBody.WriteAsync(console.Out, Json, answer.Raw);
        }
        else
        {
            table();
        }

        return ExitCodes.Ok;
    }

    /// <summary>One row per item of a list, one column per field; the first name present in an item wins.</summary>
    public static void Rows(CliConsole console, JsonElement list, params (string Header, string[] Names)[] columns)
    {
        TableWriter.Write(console, columns.Select(c => c.Header).ToArray(),
            JsonFields.Items(list).Select(item => columns
                .Select(c => TerminalText.Printable(JsonFields.First(item, c.Names))).ToArray()));
    }

    /// <summary>One object as FIELD / VALUE rows; an object inside it shows as <c>outer.inner</c> rows.</summary>
    public static void Fields(CliConsole console, JsonElement item)
    {
        TableWriter.Write(console, ["FIELD", "VALUE"], Flatten("", item)
            .Select(p => new[] { TerminalText.Printable(p.Name), TerminalText.Printable(p.Value) }));
    }

    private static IEnumerable<(string Name, string Value)> Flatten(string prefix, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, JsonFields.Display(item));
            yield break;
        }

        foreach (var property in item.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            var nested = property.Value.ValueKind == JsonValueKind.Object && prefix.Length == 0;
            foreach (var row in nested ? Flatten(name, property.Value) : [(name, JsonFields.Display(property.Value))])
            {
                yield return row;
            }
        }
    }
}
