namespace Qapi.Cli.Output;

/// <summary>
/// Text from a server, made safe to print: a control character (an ANSI escape, a carriage return) could redraw
/// what an approver is shown, for example the destination above the approval text, so each becomes <c>?</c>.
/// </summary>
internal static class TerminalText
{
    public static string Printable(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : text;
}
