using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Data;
using Qapi.Data.Audit;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi audit verify|list</c>: checks the audit log's hash chain, and shows its newest entries.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "The audit log of every change, a hash chain.");
        command.Subcommands.Add(Verify(console));
        command.Subcommands.Add(List(console));
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var store = new StoreFlags();
        var expect = new Option<string>("--expect")
        {
            Description = "An entry recorded earlier, as ID:HASH (the last line of a verification): the chain must "
                + "still hold it, which shows a rewrite even when every hash was recomputed.",
            HelpName = "ID:HASH",
        };
        var verify = OperatorInput.StoreCommand("verify",
            "Walk the chain; exit 1 and name the first entry that was altered, inserted or removed.", store);
        verify.Options.Add(expect);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            AuditAnchor? anchor = null;
            if (parse.GetValue(expect) is { } text && !AuditAnchor.TryParse(text, out anchor))
            {
                throw new CliInputException("--expect takes ID:HASH, an entry's id and its 64 hex digit hash.");
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>()
                .VerifyAsync(anchor, cancellationToken);
            if (result.IsIntact)
            {
                await console.Out.WriteLineAsync($"Audit log intact: {result.Entries} entries.");
                if (result.Last is { } last)
                {
                    await console.Out.WriteLineAsync($"Last entry: {last}");
                }

                return ExitCodes.Ok;
            }

            await console.Error.WriteLineAsync($"Audit log broken at entry {result.BrokenAt}: {result.Reason}.");
            return ExitCodes.RequestFailed;
        });
        return verify;
    }

    private static Command List(CliConsole console)
    {
        var store = new StoreFlags();
        var server = new ServerFlags();
        var limit = new Option<int>("--limit")
        {
            Description = "How many entries, newest first (the page's size with a server).",
            DefaultValueFactory = _ => 20,
        };
        var account = new Option<string>("--account")
        {
            Description = "With a server: the account whose entries to list (required there).",
        };
        var page = new Option<int>("--page")
        {
            Description = "With a server: which page of --limit entries, from 1.",
            DefaultValueFactory = _ => 1,
        };
        var json = KeysCommand.JsonOption();
        var list = OperatorInput.StoreCommand("list", "The newest audit entries.", store);
        list.Options.Add(limit);
        list.Options.Add(account);
        list.Options.Add(page);
        list.Options.Add(json);
        server.AddTo(list);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var size = Math.Clamp(parse.GetValue(limit), 1, 500);
            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerAudit.ListAsync(parse, console, server,
                    new AuditPageInput(parse.GetValue(account), parse.GetValue(page), size, parse.GetValue(json)),
                    cancellationToken);
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => parse.GetValue(account) == null || e.AccountId == parse.GetValue(account))
                .OrderByDescending(e => e.Id).Take(size)
                .ToListAsync(cancellationToken);
            var views = entries.Select(AuditViews.Info).ToList();
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(views, AdminJsonContext.Default.ListAuditEntryInfo));
            }
            else
            {
                AuditViews.WriteTable(console, views);
            }

            return ExitCodes.Ok;
        });
        return list;
    }
}
