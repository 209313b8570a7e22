using System.CommandLine;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi approver</c>: approver key enrollment, on the server's store or through a server.</summary>
internal static class ApproverCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("approver",
            "Enroll approvers' keys: in the server's store, or through a server (your own, or a signing agent's).");
        command.Subcommands.Add(ApproverEnrollCommand.Create(console));
        return command;
    }
}
