using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi policy show|set|clear</c>: a fund's transaction and withdrawal policies, and a wallet's own override
/// of them (<c>--wallet</c>), which <c>clear</c> removes so the fund's applies again.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("policy", "Show and set a fund's policies, or a wallet's override.");
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Set(console));
        command.Subcommands.Add(Clear(console));
        return command;
    }

    private static Option<string> Fund() => AdminCommand.Optional("--fund", "The fund's id.");

    private static Option<string> Wallet(string description) => AdminCommand.Optional("--wallet", description);

    private static Option<string> Kind() => new Option<string>("--kind")
    {
        Description = "transaction (default) or withdrawal.",
        DefaultValueFactory = _ => "transaction",
    }.AcceptOnlyFromAmong("transaction", "withdrawal");

    /// <summary>The policies path of the fund or of the wallet; exactly one of them must be given.</summary>
    private static string Target(ParseResult parse, Option<string> fund, Option<string> wallet)
    {
        return (parse.GetValue(fund), parse.GetValue(wallet)) switch
        {
            ({ } f, null) => $"/funds/{AdminApiClient.Segment(f)}/policies",
            (null, { } w) => $"/wallets/{AdminApiClient.Segment(w)}/policies",
            _ => throw new CliInputException("Give --fund (the fund's policy) or --wallet (a wallet's), one of them."),
        };
    }

    private static Command Show(CliConsole console)
    {
        var (fund, wallet) = (Fund(), Wallet("A wallet's effective policies: its own, or else the fund's."));
        return AdminCommand.Create(console, "show", "Show the policies of a fund or of a wallet.", [fund, wallet],
            (parse, client, token) => client.GetAsync(Target(parse, fund, wallet), token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("KIND", ["kind"]), ("SOURCE", ["source"]),
                ("THRESHOLD", ["threshold"]), ("MEMBERS", ["members"]), ("POLICY", ["id"])));
    }

    private static Command Set(CliConsole console)
    {
        var (fund, wallet, kind) = (Fund(), Wallet("Set this wallet's own policy, overriding the fund's."), Kind());
        var threshold = new Option<int>("--threshold")
        {
            Description = "How many of the members must approve.",
            Required = true,
        };
        var members = new Option<string[]>("--member")
        {
            Description = "A member (or signing agent) who approves; repeat for more.",
            HelpName = "ID",
            Required = true,
        };
        return AdminCommand.Create(console, "set", "Set a policy: a threshold of its members must approve.",
            [fund, wallet, kind, threshold, members],
            (parse, client, token) =>
            {
                var path = Target(parse, fund, wallet) + "/" + parse.GetValue(kind);
                var ids = parse.GetValue(members) ?? [];
                var count = parse.GetValue(threshold);
                if (count < 1 || count > ids.Distinct().Count())
                {
                    throw new CliInputException(
                        $"--threshold {count} cannot be met by {ids.Distinct().Count()} distinct --member(s).");
                }

                return client.SendAsync(HttpMethod.Put, path, new JsonObject
                {
                    ["threshold"] = count,
                    ["members"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                }, token);
            },
            (parse, answer) =>
            {
                if (answer.IsEmpty)
                {
                    console.Out.WriteLine($"Set the {parse.GetValue(kind)} policy: {parse.GetValue(threshold)} of "
                        + string.Join(", ", parse.GetValue(members) ?? []) + ".");
                }
                else
                {
                    AdminOutput.Fields(console, answer.Json);
                }
            });
    }

    private static Command Clear(CliConsole console)
    {
        var (wallet, kind) = (AdminCommand.Required("--wallet", "The wallet whose own policy to remove."), Kind());
        return AdminCommand.Create(console, "clear", "Remove a wallet's own policy; the fund's applies again.",
            [wallet, kind],
            (parse, client, token) => client.SendAsync(HttpMethod.Delete,
                $"/wallets/{AdminApiClient.Segment(parse.GetRequiredValue(wallet))}/policies/{parse.GetValue(kind)}",
                null, token),
            AdminCommand.Line(console, parse =>
                $"Wallet {parse.GetValue(wallet)} follows its fund's {parse.GetValue(kind)} policy again."));
    }
}
