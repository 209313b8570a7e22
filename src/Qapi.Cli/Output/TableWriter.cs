using Spectre.Console;
using Spectre.Console.Rendering;

namespace Qapi.Cli.Output;

/// <summary>Writes tables with Spectre.Console to the command's own output, not to the process console.</summary>
internal static class TableWriter
{
    // Redirected output has no width of its own; a wide one keeps each row on one line for grep and cut.
    private const int RedirectedWidth = 250;

    public static void Write(CliConsole console, string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(console.IsOutputTerminal ? TableBorder.Rounded : TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)).NoWrap());
        }

        foreach (var row in rows)
        {
            // Text, not markup: a key named "[ops]" must print as typed.
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsOutputTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsOutputTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!console.IsOutputTerminal)
        {
            ansi.Profile.Width = RedirectedWidth;
        }

        ansi.Write(table);
    }
}
