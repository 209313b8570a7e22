using System.CommandLine;
using Qapi.Cli.Commands;

namespace Qapi.Cli.Admin;

/// <summary>
/// Whether <c>qapi keys</c> and <c>qapi audit list</c> work on the store (the operator, on the server's machine)
/// or through a running server's admin API (an administrator, anywhere). Store flags (<c>--data</c>,
/// <c>--environment</c>, <c>--Section:Key=value</c>) choose the store, connection flags (<c>--server</c>,
/// <c>--credentials</c>, <c>--api-key</c>) the server; with neither, <c>QAPI_CREDENTIALS</c> chooses the server,
/// and otherwise it is the store, as it always was.
/// </summary>
internal static class CommandMode
{
    public static bool IsServer(ParseResult parse, StoreFlags store, ServerFlags server, CliConsole console)
    {
        var storeGiven = parse.GetResult(store.Data) is not null || parse.GetResult(store.Environment) is not null
            || parse.UnmatchedTokens.Any(OperatorInput.IsSetting);
        var serverGiven = server.AnyGiven(parse);
        if (storeGiven && serverGiven)
        {
            throw new CliInputException("--data, --environment and settings work on the store; --server, "
                + "--credentials and --api-key on a running server. Give one kind.");
        }

        if (serverGiven || storeGiven)
        {
            return serverGiven;
        }

        return !string.IsNullOrWhiteSpace(console.GetEnvironmentVariable(ServerFlags.CredentialsVariable));
    }

    /// <summary>In server mode a stray token is a typo; there is no configuration to pass through.</summary>
    public static void RequireNoStrayTokens(ParseResult parse)
    {
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            throw new CliInputException($"Unrecognized argument '{token}'.");
        }
    }
}
