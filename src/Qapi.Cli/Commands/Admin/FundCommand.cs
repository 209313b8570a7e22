using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi fund create|list|show|rename|describe|archive|restore</c>.</summary>
internal static class FundCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("fund", "Create, list, show, rename, describe, archive and restore funds.");
        command.Subcommands.Add(CreateFund(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Patch(console, "rename", "name", "Rename a fund."));
        command.Subcommands.Add(Patch(console, "describe", "description", "Change a fund's description."));
        command.Subcommands.Add(Post(console, "archive", "Archive a fund (hidden from /funds by default)."));
        command.Subcommands.Add(Post(console, "restore", "Restore an archived fund."));
        return command;
    }

    public static Argument<string> FundId() => AdminCommand.Id("fund", "The fund's id.");

    public static string FundPath(ParseResult parse, Argument<string> fund) =>
        "/funds/" + AdminApiClient.Segment(parse.GetValue(fund)!);

    private static Command CreateFund(CliConsole console)
    {
        var account = AdminCommand.Required("--account", "The owning account's id (an organization or yours).");
        var name = AdminCommand.Required("--name", "The fund's name.");
        var description = AdminCommand.Optional("--description", "What the fund is for.");
        var approvers = new Option<string[]>("--approver")
        {
            Description = "A member who approves its transactions (the initial policy); repeat for more.",
            HelpName = "ID",
            Required = true,
        };
        var threshold = new Option<int>("--threshold")
        {
            Description = "How many of the approvers must approve. Default: all of them.",
        };
        return AdminCommand.Create(console, "create", "Create a fund with its initial policy.",
            [account, name, description, approvers, threshold],
            (parse, client, token) =>
            {
                var ids = parse.GetValue(approvers) ?? [];
                var body = new JsonObject
                {
                    ["name"] = parse.GetRequiredValue(name),
                    ["description"] = parse.GetValue(description) ?? "",
                    ["approvers"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                    ["threshold"] = parse.GetResult(threshold) is null ? ids.Length : parse.GetValue(threshold),
                };
                return client.SendAsync(HttpMethod.Post,
                    $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(account))}/funds", body, token);
            },
            AdminCommand.Fields(console));
    }

    private static Command List(CliConsole console)
    {
        var account = AdminCommand.Required("--account", "The account's id.");
        return AdminCommand.Create(console, "list", "List an account's funds.", [account],
            (parse, client, token) => client.GetAsync(
                $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(account))}/funds", token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("ID", ["id", "fundId", "fundID"]),
                ("NAME", ["name"]), ("DESCRIPTION", ["description"]), ("ARCHIVED", ["archived"]),
                ("WALLETS", ["wallets"])));
    }

    private static Command Show(CliConsole console)
    {
        var fund = FundId();
        return AdminCommand.Create(console, "show", "Show a fund.", [fund],
            (parse, client, token) => client.GetAsync(FundPath(parse, fund), token),
            AdminCommand.Fields(console));
    }

    private static Command Patch(CliConsole console, string verb, string field, string description)
    {
        var fund = FundId();
        var value = AdminCommand.Id(field, $"The new {field}.");
        return AdminCommand.Create(console, verb, description, [fund, value],
            (parse, client, token) => client.SendAsync(HttpMethod.Patch, FundPath(parse, fund),
                new JsonObject { [field] = parse.GetValue(value) }, token),
            AdminCommand.Fields(console));
    }

    private static Command Post(CliConsole console, string verb, string description)
    {
        var fund = FundId();
        return AdminCommand.Create(console, verb, description, [fund],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, FundPath(parse, fund) + "/" + verb, null,
                token),
            (parse, answer) =>
            {
                if (answer.IsEmpty)
                {
                    console.Out.WriteLine($"Fund {parse.GetValue(fund)}: {verb}d.");
                }
                else
                {
                    AdminOutput.Fields(console, answer.Json);
                }
            });
    }
}
