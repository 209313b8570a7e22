using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Output;
using Qapi.Client;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi pending</c>: the actions awaiting the approver whose key file is given, oldest first.</summary>
internal static class PendingCommand
{
    public static Command Create(CliConsole console)
    {
        var flags = new ApproverFlags();
        var json = KeysCommand.JsonOption();
        var command = new Command("pending", "List the transactions awaiting your approval or rejection.");
        flags.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => flags.RunAsync(parse, console, async (key, channel) =>
        {
            var pending = await channel.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(pending, QapiJsonContext.Default.ApproverActionsResponse));
                return ExitCodes.Ok;
            }

            if (pending.Total == 0)
            {
                await console.Error.WriteLineAsync($"Nothing awaits approver {key.MemberId}.");
                return ExitCodes.Ok;
            }

            TableWriter.Write(console, ["TX ID", "NETWORK", "TO", "VALUE (WEI)", "APPROVALS", "EXPIRES"],
                pending.Actions.Select(a => new[]
                {
                    a.TxId,
                    a.Network,
                    a.To,
                    a.Value,
                    $"{a.Approvals} of {a.Threshold}",
                    KeyView.IsoTime(a.ExpiresAt)!,
                }.Select(TerminalText.Printable).ToArray()));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
