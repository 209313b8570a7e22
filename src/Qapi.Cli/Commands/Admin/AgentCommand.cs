using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi agent create</c>: a signing agent, an approver owned by an account, not a person.</summary>
internal static class AgentCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("agent", "Signing agents: approvers that an account owns (admin API).");
        command.Subcommands.Add(CreateAgent(console));
        return command;
    }

    private static Command CreateAgent(CliConsole console)
    {
        var account = AdminCommand.Required("--account", "The account that owns the agent.");
        var name = AdminCommand.Required("--name", "The agent's name.");
        return AdminCommand.Create(console, "create",
            "Create a signing agent; enroll its key with `qapi approver enroll --account ACCOUNT --agent ID`.",
            [account, name],
            (parse, client, token) => client.SendAsync(HttpMethod.Post,
                $"/accounts/{AdminApiClient.Segment(parse.GetRequiredValue(account))}/agents",
                new JsonObject { ["name"] = parse.GetRequiredValue(name).Trim() }, token),
            (parse, answer) =>
            {
                var owner = answer.Text("ownerId") ?? parse.GetValue(account);
                console.Out.WriteLine($"Created signing agent {answer.Text("name")} (id {answer.Text("id")}) "
                    + $"of account {owner}.");
                console.Out.WriteLine($"Enroll its key: qapi approver enroll --account {owner} "
                    + $"--agent {answer.Text("id")}");
            });
    }
}
