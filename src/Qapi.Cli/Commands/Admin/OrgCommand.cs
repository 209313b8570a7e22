using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi org create|list|show|update</c>: organizations, through the admin API.</summary>
internal static class OrgCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("org", "Create, list, show and update organizations (admin API).");
        command.Subcommands.Add(CreateOrg(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Update(console));
        return command;
    }

    private static Command CreateOrg(CliConsole console)
    {
        var name = AdminCommand.Required("--name", "The organization's name.");
        var email = AdminCommand.Required("--email", "Its contact email.");
        var domain = AdminCommand.Optional("--domain", "Its web domain.");
        var address = AdminCommand.Optional("--address", "Its postal address.");
        return AdminCommand.Create(console, "create",
            "Create an organization with you as its administrator; prints its mnemonic once.",
            [name, email, domain, address],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, "/orgs", new JsonObject
            {
                ["name"] = parse.GetRequiredValue(name),
                ["email"] = parse.GetRequiredValue(email),
                ["domain"] = parse.GetValue(domain) ?? "",
                ["address"] = parse.GetValue(address) ?? "",
            }, token),
            (_, answer) =>
            {
                console.Out.WriteLine($"Created organization {answer.Text("organization", "name")} "
                    + $"(account {answer.Text("organization", "id")}); you are its administrator.");
                console.Out.WriteLine($"  mnemonic  {answer.Text("mnemonic")}");
                console.Error.WriteLine(SignupCommand.MnemonicWarning);
            });
    }

    private static Command List(CliConsole console) => AdminCommand.Create(console, "list",
        "Your organizations and your role in each (GET /me).", [],
        (_, client, token) => client.GetAsync("/me", token),
        (_, answer) => AdminOutput.Rows(console, JsonFields.Find(answer.Json, "memberships") ?? default,
            ("ORGANIZATION", ["organizationId", "id"]), ("NAME", ["name"]), ("ROLE", ["role"]),
            ("PENDING", ["pending"])));

    private static Command Show(CliConsole console)
    {
        var id = AdminCommand.Id("account", "The organization's (or personal account's) id.");
        return AdminCommand.Create(console, "show", "Show an account.", [id],
            (parse, client, token) => client.GetAsync("/accounts/" + AdminApiClient.Segment(parse.GetValue(id)!),
                token),
            AdminCommand.Fields(console));
    }

    private static Command Update(CliConsole console)
    {
        var id = AdminCommand.Id("account", "The organization's id.");
        var fields = new[] { "name", "email", "domain", "address" }
            .Select(f => (Field: f, Option: AdminCommand.Optional("--" + f, $"A new {f}."))).ToList();
        return AdminCommand.Create(console, "update", "Change an organization's name, email, domain or address.",
            [id, .. fields.Select(f => f.Option)],
            (parse, client, token) =>
            {
                var body = new JsonObject();
                foreach (var (field, option) in fields)
                {
                    if (parse.GetValue(option) is { } value)
                    {
                        body[field] = value;
                    }
                }

                return body.Count == 0
                    ? throw new CliInputException("Nothing to change: give --name, --email, --domain or --address.")
                    : client.SendAsync(HttpMethod.Patch, "/accounts/" + AdminApiClient.Segment(parse.GetValue(id)!),
                        body, token);
            },
            AdminCommand.Fields(console));
    }
}
