using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi wallet allowlist add|list|remove</c>: the destinations a wallet may send to.</summary>
internal static class AllowlistCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("allowlist", "The destination addresses a wallet may send to.");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Command Add(CliConsole console)
    {
        var wallet = WalletCommand.WalletId();
        var address = AdminCommand.Required("--address", "The destination address.");
        var label = AdminCommand.Optional("--label", "A label to tell it by.");
        return AdminCommand.Create(console, "add", "Allow a destination address.", [wallet, address, label],
            (parse, client, token) => client.SendAsync(HttpMethod.Post,
                WalletCommand.WalletPath(parse, wallet) + "/allowlist", new JsonObject
                {
                    ["address"] = parse.GetRequiredValue(address).Trim(),
                    ["label"] = parse.GetValue(label) ?? "",
                }, token),
            AdminCommand.Fields(console));
    }

    private static Command List(CliConsole console)
    {
        var wallet = WalletCommand.WalletId();
        return AdminCommand.Create(console, "list", "List a wallet's allowed destinations.", [wallet],
            (parse, client, token) => client.GetAsync(WalletCommand.WalletPath(parse, wallet) + "/allowlist", token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("ADDRESS", ["address"]), ("LABEL", ["label"]),
                ("ADDED", ["createdAt"])));
    }

    private static Command Remove(CliConsole console)
    {
        var wallet = WalletCommand.WalletId();
        var address = AdminCommand.Id("address", "The address to remove.");
        return AdminCommand.Create(console, "remove", "Remove an allowed destination.", [wallet, address],
            (parse, client, token) => client.SendAsync(HttpMethod.Delete, WalletCommand.WalletPath(parse, wallet)
                + "/allowlist/" + AdminApiClient.Segment(parse.GetValue(address)!), null, token),
            AdminCommand.Line(console, parse => $"Removed {parse.GetValue(address)} from the allowlist."));
    }
}
