using System.CommandLine;
using Microsoft.EntityFrameworkCore;
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
        var verify = OperatorInput.StoreCommand("verify",
            "Walk the chain; exit 1 and name the first entry that was altered, inserted or removed.", store);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>()
                .VerifyAsync(cancellationToken);
            if (result.IsIntact)
            {
                await console.Out.WriteLineAsync($"Audit log intact: {result.Entries} entries.");
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
        var limit = new Option<int>("--limit")
        {
            Description = "How many entries, newest first.",
            DefaultValueFactory = _ => 20,
        };
        var list = OperatorInput.StoreCommand("list", "The newest audit entries.", store);
        list.Options.Add(limit);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var entries = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Id).Take(Math.Clamp(parse.GetValue(limit), 1, 1000))
                .ToListAsync(cancellationToken);
            TableWriter.Write(console, ["#", "WHEN (UTC)", "ACTOR", "ACTION", "ACCOUNT", "OBJECT"],
                entries.Select(e => new[]
                {
                    e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp).ToString("u",
                        System.Globalization.CultureInfo.InvariantCulture),
                    e.Actor, e.Action, e.AccountId, e.ObjectId,
                }));
            return ExitCodes.Ok;
        });
        return list;
    }
}
