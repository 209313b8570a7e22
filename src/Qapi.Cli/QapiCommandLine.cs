using System.CommandLine;
using System.CommandLine.Invocation;
using Qapi.Cli.Commands;
using Qapi.Cli.Commands.Admin;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Server.Configuration;

namespace Qapi.Cli;

/// <summary>The <c>qapi</c> command tree, buildable and runnable in-process against any console.</summary>
public static class QapiCommandLine
{
    /// <summary>Builds the root command; its actions write to the given console.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Qapi: a Qredo API v1 custody server, and tools to sign and send requests to it.");
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(SignCommand.Create(console));
        root.Subcommands.Add(SendCommand.Create(console));
        root.Subcommands.Add(KeysCommand.Create(console));
        root.Subcommands.Add(AccountsCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        root.Subcommands.Add(RestoreCommand.Create(console));
        root.Subcommands.Add(ApproverCommand.Create(console));
        root.Subcommands.Add(PendingCommand.Create(console));
        root.Subcommands.Add(DecideCommand.Create(console, ApprovalDecision.Approve));
        root.Subcommands.Add(DecideCommand.Create(console, ApprovalDecision.Reject));
        root.Subcommands.Add(SignupCommand.Create(console));
        root.Subcommands.Add(MeCommand.Create(console));
        root.Subcommands.Add(OrgCommand.Create(console));
        root.Subcommands.Add(MemberCommand.Create(console));
        root.Subcommands.Add(TrusteeCommand.Create(console));
        root.Subcommands.Add(AgentCommand.Create(console));
        root.Subcommands.Add(FundCommand.Create(console));
        root.Subcommands.Add(WalletCommand.Create(console));
        root.Subcommands.Add(PolicyCommand.Create(console));
        root.Subcommands.Add(NetworkCommand.Create(console));
        return root;
    }

    /// <summary>Parses and runs a command line; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        // Bundling would read the Go tool's "-url" as "-u -r -l"; each alias is matched whole instead.
        var parse = Build(console).Parse(args, new ParserConfiguration { EnablePosixBundling = false });
        if (parse.Action is ParseErrorAction)
        {
            return ReportParseErrors(parse, console);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // `serve` leaves Ctrl+C to the web host, which shuts down gracefully.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliInputException e)
        {
            await console.Error.WriteLineAsync("qapi: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (QapiError e)
        {
            await console.Error.WriteLineAsync("qapi: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (QapiConfigurationException e)
        {
            await console.Error.WriteLineAsync("qapi: " + e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static int ReportParseErrors(ParseResult parse, CliConsole console)
    {
        foreach (var error in parse.Errors)
        {
            console.Error.WriteLine("qapi: " + error.Message);
        }

        var path = string.Join(' ', CommandPath(parse.CommandResult.Command));
        console.Error.WriteLine($"Run '{path} --help' for usage.");
        return ExitCodes.BadInput;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Push(symbol is RootCommand ? "qapi" : symbol.Name);
        }

        return names;
    }
}
