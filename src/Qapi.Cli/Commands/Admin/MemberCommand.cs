using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi member ...</c>: an organization's members (invite, list, re-role, remove), and the caller's own
/// invitations (list, accept, decline), which only the invited person can answer.
/// </summary>
internal static class MemberCommand
{
    public static readonly string[] Roles = ["administrator", "fund_organizer", "approver", "trader"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("member", "Invite, list, re-role and remove members; answer your invitations.");
        command.Subcommands.Add(Invite(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Role(console));
        command.Subcommands.Add(Remove(console));
        command.Subcommands.Add(Invitations(console));
        command.Subcommands.Add(Answer(console, "accept", "Accept an invitation (you become an active member)."));
        command.Subcommands.Add(Answer(console, "decline", "Decline an invitation (it is deleted)."));
        return command;
    }

    private static Option<string> Org() => AdminCommand.Required("--org", "The organization's id.");

    private static Option<string> RoleOption() =>
        AdminCommand.Required("--role", "administrator, fund_organizer, approver or trader.")
            .AcceptOnlyFromAmong(Roles);

    private static string MembersPath(ParseResult parse, Option<string> org) =>
        $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(org))}/members";

    private static Command Invite(CliConsole console)
    {
        var (org, username, role) = (Org(), AdminCommand.Required("--username", "Who to invite."), RoleOption());
        return AdminCommand.Create(console, "invite", "Invite a person; they are pending until they accept.",
            [org, username, role],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, MembersPath(parse, org), new JsonObject
            {
                ["username"] = parse.GetRequiredValue(username).Trim(),
                ["role"] = parse.GetRequiredValue(role),
            }, token),
            (parse, _) => console.Out.WriteLine(
                $"Invited {parse.GetValue(username)} as {parse.GetValue(role)}; pending until they accept."));
    }

    private static Command List(CliConsole console)
    {
        var org = Org();
        return AdminCommand.Create(console, "list", "List an organization's members, pending ones too.", [org],
            (parse, client, token) => client.GetAsync(MembersPath(parse, org), token),
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("USER ID", ["userId", "id"]),
                ("USERNAME", ["username"]), ("ROLE", ["role"]), ("PENDING", ["pending"]),
                ("EMAIL", ["email"])));
    }

    private static Command Role(CliConsole console)
    {
        var (org, user, role) = (Org(), AdminCommand.Id("user", "The member's user id."), RoleOption());
        return AdminCommand.Create(console, "role", "Change a member's role.", [user, org, role],
            (parse, client, token) => client.SendAsync(HttpMethod.Patch,
                MembersPath(parse, org) + "/" + AdminApiClient.Segment(parse.GetValue(user)!),
                new JsonObject { ["role"] = parse.GetRequiredValue(role) }, token),
            (parse, _) => console.Out.WriteLine($"{parse.GetValue(user)} is now {parse.GetValue(role)}."));
    }

    private static Command Remove(CliConsole console)
    {
        var (org, user) = (Org(), AdminCommand.Id("user", "The member's user id."));
        return AdminCommand.Create(console, "remove", "Remove a member (or withdraw an invitation).", [user, org],
            (parse, client, token) => client.SendAsync(HttpMethod.Delete,
                MembersPath(parse, org) + "/" + AdminApiClient.Segment(parse.GetValue(user)!), null, token),
            AdminCommand.Line(console, parse => $"Removed {parse.GetValue(user)}."));
    }

    private static Command Invitations(CliConsole console) => AdminCommand.Create(console, "invitations",
        "The invitations waiting for you.", [],
        (_, client, token) => client.GetAsync("/me/invitations", token),
        (_, answer) => AdminOutput.Rows(console, answer.Json, ("ACCOUNT", ["accountId"]),
            ("NAME", ["accountName", "name"]), ("KIND", ["kind"]), ("ROLE", ["role"]),
            ("INVITED BY", ["invitedBy"]), ("SINCE", ["createdAt"])));

    private static Command Answer(CliConsole console, string verb, string description)
    {
        var account = AdminCommand.Id("account", "The inviting organization's (or personal account's) id.");
        return AdminCommand.Create(console, verb, description, [account],
            (parse, client, token) => client.SendAsync(HttpMethod.Post,
                $"/me/invitations/{AdminApiClient.Segment(parse.GetValue(account)!)}/{verb}", null, token),
            AdminCommand.Line(console, parse => verb == "accept"
                ? $"Accepted the invitation of {parse.GetValue(account)}."
                : $"Declined the invitation of {parse.GetValue(account)}."));
    }
}
