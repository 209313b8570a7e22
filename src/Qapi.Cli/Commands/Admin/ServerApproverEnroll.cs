using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Approvals;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi approver enroll</c> through a server: the key pair is made here, exactly as on the store, and only the
/// public key is sent (<c>POST /accounts/{account}/approvers/{approver}/keys</c>). The approver is the caller
/// (from <c>GET /me</c>) or, with <c>--agent</c>, one of the account's signing agents.
/// </summary>
internal static class ServerApproverEnroll
{
    public static Task<int> RunAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, ServerEnrollInput input, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        if (input.Member is not null)
        {
            throw new CliInputException("--member works on the store; through a server you enroll your own key, "
                + "or a signing agent's with --agent.");
        }

        var account = string.IsNullOrWhiteSpace(input.Account)
            ? throw new CliInputException("--account is required with a server: the account you approve in, or "
                + "that owns the --agent.")
            : input.Account.Trim();
        var agent = input.Agent?.Trim() is { Length: > 0 } id ? id
            : input.Agent is null ? null : throw new CliInputException("--agent is empty.");

        // Named by --out or by the agent, the file is refused before anything is sent if it exists.
        var known = input.Output is not null || agent is not null
            ? ApproverKeyPath.New(console, input.Output, agent ?? "")
            : null;
        return AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            var (approverId, path) = agent is not null
                ? (agent, known!)
                : await MeAsync(client, console, known, token);
            ApproverKeyPath.Reserve(path);
            var (privateKey, publicKey) = ApproverKeys.Generate();
            AdminAnswer answer;
            try
            {
                answer = await client.SendAsync(HttpMethod.Post, $"/accounts/{AdminApiClient.Segment(account)}"
                    + $"/approvers/{AdminApiClient.Segment(approverId)}/keys",
                    new JsonObject { ["publicKey"] = publicKey }, token);
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            var key = answer.Json.Deserialize(AdminJsonContext.Default.ApproverKeyInfo)!;
            var file = new ApproverKeyFile(key.Id, approverId, input.Name ?? "", publicKey, privateKey,
                KeyView.IsoTime(key.CreatedAt)!);
            file.Save(path);
            var whose = agent is null ? $"you ({approverId})" : $"signing agent {approverId}";
            await ApproverEnrollCommand.PrintAsync(console, file, $"{whose} in account {account}", path);
            return ExitCodes.Ok;
        }, token);
    }

    /// <summary>The caller's person id, and the key file's path (by default named after their username).</summary>
    private static async Task<(string Id, string Path)> MeAsync(
        AdminApiClient client, CliConsole console, string? known, CancellationToken token)
    {
        var me = await client.GetAsync("/me", token);
        var id = me.Text("account", "id")
            ?? throw new HttpRequestException("The answer of GET /me has no account id.");
        return (id, known ?? ApproverKeyPath.New(console, null, me.Text("account", "username") ?? id));
    }
}
