using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi trustee invite|list|remove</c>: a personal account's trusted parties. An invited person is pending
/// until they accept with their own key, through <c>qapi member accept</c> (which answers both kinds).
/// </summary>
internal static class TrusteeCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("trustee",
            "Invite, list and remove a personal account's trusted parties; they answer with `qapi member accept`.");
        command.Subcommands.Add(Invite(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Option<string> Account() =>
        AdminCommand.Required("--account", "The personal account's id (yours: `qapi me show`).");

    private static string PartiesPath(ParseResult parse, Option<string> account) =>
        $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(account))}/trustedparties";

    private static Command Invite(CliConsole console)
    {
        var (account, username) = (Account(), AdminCommand.Required("--username", "Who to invite."));
        return AdminCommand.Create(console, "invite",
            "Invite a person as a trusted party; pending until they run `qapi member accept ACCOUNT`.",
            [account, username],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, PartiesPath(parse, account),
                new JsonObject { ["username"] = parse.GetRequiredValue(username).Trim() }, token),
            (parse, answer) => console.Out.WriteLine($"Invited {parse.GetValue(username)} (user "
                + $"{answer.Text("partyId")}) as a trusted party; pending until they accept with "
                + $"`qapi member accept {parse.GetValue(account)}`."));
    }

    private static Command List(CliConsole console)
    {
        var account = Account();
        return AdminCommand.Create(console, "list", "List the account's trusted parties, pending ones too.",
            [account],
            (parse, client, token) => client.GetAsync(PartiesPath(parse, account), token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("USER ID", ["partyId", "id"]),
                ("USERNAME", ["username"]), ("NAME", ["name"]), ("PENDING", ["pending"]), ("EMAIL", ["email"])));
    }

    private static Command Remove(CliConsole console)
    {
        var (account, party) = (Account(), AdminCommand.Id("user", "The trusted party's user id."));
        return AdminCommand.Create(console, "remove", "Remove a trusted party (or withdraw an invitation).",
            [party, account],
            (parse, client, token) => client.SendAsync(HttpMethod.Delete,
                PartiesPath(parse, account) + "/" + AdminApiClient.Segment(parse.GetValue(party)!), null, token),
            AdminCommand.Line(console, parse => $"Removed trusted party {parse.GetValue(party)}."));
    }
}
