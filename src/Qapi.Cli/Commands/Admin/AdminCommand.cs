using System.CommandLine;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// A command that sends one signed admin request and prints its answer: the connection flags, <c>--json</c>,
/// the command's own inputs, a request and a way to show the answer.
/// </summary>
internal static class AdminCommand
{
    public delegate Task<AdminAnswer> Request(ParseResult parse, AdminApiClient client, CancellationToken token);

    public delegate void Show(ParseResult parse, AdminAnswer answer);

    public static Command Create(
        CliConsole console, string name, string description, Symbol[] inputs, Request request, Show show)
    {
        var flags = new ServerFlags();
        var json = KeysCommand.JsonOption();
        var command = new Command(name, description);
        foreach (var input in inputs)
        {
            switch (input)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        flags.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, token) => AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            var answer = await request(parse, client, token);
            return await AdminOutput.WriteAsync(console, parse.GetValue(json), answer, () => show(parse, answer));
        }, token));
        return command;
    }

    public static Argument<string> Id(string name, string description) => new(name) { Description = description };

    public static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<string> Optional(string name, string description) => new(name) { Description = description };

    /// <summary>A confirmation on standard output for an answer without a body (204).</summary>
    public static Show Line(CliConsole console, Func<ParseResult, string> text) =>
        (parse, _) => console.Out.WriteLine(text(parse));

    /// <summary>The answer as FIELD / VALUE rows.</summary>
    public static Show Fields(CliConsole console) => (_, answer) => AdminOutput.Fields(console, answer.Json);
}
