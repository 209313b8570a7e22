using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Output;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi audit list</c> in server mode: one page of an account's entries, through the admin API.</summary>
internal static class ServerAudit
{
    public static Task<int> ListAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, AuditPageInput input, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        if (input.Account is null)
        {
            throw new CliInputException("--account is required with a server: whose audit log to list.");
        }

        return AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            var answer = await client.GetAsync(
                $"/accounts/{AdminApiClient.Segment(input.Account)}/audit?page={input.Page}&size={input.Size}", token);
            var page = answer.Json.Deserialize(AdminJsonContext.Default.AuditPageResponse)!;
            return await AdminOutput.WriteAsync(console, input.Json, answer, () =>
            {
                AuditViews.WriteTable(console, page.Entries);
                console.Error.WriteLine($"Page {page.Page} ({page.Size} a page) of {page.Total} entries.");
            });
        }, token);
    }
}

/// <summary>What <c>audit list</c> was given with a server.</summary>
internal sealed record AuditPageInput(string? Account, int Page, int Size, bool Json);
