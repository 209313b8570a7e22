using System.CommandLine;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi approver</c>: approver key administration for an operator on the server's machine.</summary>
internal static class ApproverCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("approver", "Enroll approvers' keys, directly in the server's store.");
        command.Subcommands.Add(ApproverEnrollCommand.Create(console));
        return command;
    }
}
