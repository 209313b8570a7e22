using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi network add|list|remove</c>: an organization's custom EVM networks (<c>rpcNetworks</c>).</summary>
internal static class NetworkCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("network", "An account's custom RPC networks.");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Option<string> Account() => AdminCommand.Required("--account", "The account's id.");

    private static string NetworksPath(ParseResult parse, Option<string> account) =>
        $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(account))}/rpcnetworks";

    private static Command Add(CliConsole console)
    {
        var account = Account();
        var name = AdminCommand.Required("--name", "The network's name.");
        var chainId = new Option<long>("--chain-id") { Description = "Its EIP-155 chain id.", Required = true };
        var url = AdminCommand.Required("--url", "Its JSON-RPC URL.");
        return AdminCommand.Create(console, "add", "Add a custom RPC network.", [account, name, chainId, url],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, NetworksPath(parse, account), new JsonObject
            {
                ["name"] = parse.GetRequiredValue(name),
                ["chainID"] = parse.GetValue(chainId),
                ["url"] = parse.GetRequiredValue(url),
            }, token),
            AdminCommand.Line(console, parse => $"Added network {parse.GetValue(name)}."));
    }

    private static Command List(CliConsole console)
    {
        var account = Account();
        return AdminCommand.Create(console, "list", "List an account's custom RPC networks.", [account],
            (parse, client, token) => client.GetAsync(NetworksPath(parse, account), token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("NAME", ["name"]),
                ("CHAIN ID", ["chainID", "chainId"]), ("ENDPOINT", ["endpoint", "url"])));
    }

    private static Command Remove(CliConsole console)
    {
        var account = Account();
        var name = AdminCommand.Id("name", "The network's name.");
        return AdminCommand.Create(console, "remove", "Remove a custom RPC network.", [name, account],
            (parse, client, token) => client.SendAsync(HttpMethod.Delete,
                NetworksPath(parse, account) + "/" + AdminApiClient.Segment(parse.GetValue(name)!), null, token),
            AdminCommand.Line(console, parse => $"Removed network {parse.GetValue(name)}."));
    }
}
