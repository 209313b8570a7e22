using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;
using Qapi.Data.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi me show|update</c>: the caller's own personal account (<c>GET /me</c>) and its profile, changed with
/// <c>PATCH /accounts/{personId}</c>. Values are checked here first, so bad input is refused before anything is sent.
/// </summary>
internal static class MeCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("me", "Your personal account: show it and your memberships, update your profile.");
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Update(console));
        return command;
    }

    private static Command Show(CliConsole console) => AdminCommand.Create(console, "show",
        "Show your personal account and the organizations you belong to (GET /me).", [],
        (_, client, token) => client.GetAsync("/me", token),
        (_, answer) =>
        {
            AdminOutput.Fields(console, JsonFields.Find(answer.Json, "account") ?? default);
            if (JsonFields.Find(answer.Json, "memberships") is { } memberships && memberships.GetArrayLength() > 0)
            {
                console.Out.WriteLine();
                AdminOutput.Rows(console, memberships, ("ORGANIZATION", ["organizationId", "id"]),
                    ("NAME", ["name"]), ("ROLE", ["role"]), ("PENDING", ["pending"]));
            }
        });

    private static Command Update(CliConsole console)
    {
        var firstName = AdminCommand.Optional("--first-name", "A new first name.");
        var lastName = AdminCommand.Optional("--last-name", "A new last name.");
        var email = AdminCommand.Optional("--email", "A new email address.");
        var fiat = AdminCommand.Optional("--default-fiat", "The currency balances are shown in: USD, EUR, ...");
        var testnet = new Option<bool>("--testnet-assets")
        {
            Description = "Whether testnet assets are shown: true or false.",
            HelpName = "true|false",
        };
        return AdminCommand.Create(console, "update",
            "Change your first or last name, email, default fiat currency, or whether testnet assets are shown.",
            [firstName, lastName, email, fiat, testnet],
            async (parse, client, token) =>
            {
                var body = Changes(parse, firstName, lastName, email, fiat, testnet);
                var me = await client.GetAsync("/me", token);
                var id = me.Text("account", "id")
                    ?? throw new HttpRequestException("The answer of GET /me has no account id.");
                return await client.SendAsync(HttpMethod.Patch, "/accounts/" + AdminApiClient.Segment(id), body,
                    token);
            },
            AdminCommand.Fields(console));
    }

    private static JsonObject Changes(
        ParseResult parse,
        Option<string> firstName,
        Option<string> lastName,
        Option<string> email,
        Option<string> fiat,
        Option<bool> testnet)
    {
        var body = new JsonObject();
        if (parse.GetValue(firstName) is { } first)
        {
            body["firstName"] = AccountFields.Name(first, "--first-name");
        }

        if (parse.GetValue(lastName) is { } last)
        {
            body["lastName"] = AccountFields.Name(last, "--last-name");
        }

        if (parse.GetValue(email) is { } address)
        {
            body["email"] = AccountFields.Email(address);
        }

        if (parse.GetValue(fiat) is { } currency)
        {
            body["defaultFiat"] = AccountFields.Fiat(currency.Trim().ToUpperInvariant());
        }

        if (parse.GetResult(testnet) is { Implicit: false })
        {
            body["testnetAssets"] = parse.GetValue(testnet);
        }

        return body.Count > 0
            ? body
            : throw new CliInputException("Nothing to change: give --first-name, --last-name, --email, "
                + "--default-fiat or --testnet-assets.");
    }
}
