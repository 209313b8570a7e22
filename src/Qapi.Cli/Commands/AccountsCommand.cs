using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Data;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi accounts list</c>: the ids an operator needs for <c>keys create --account</c>; and
/// <c>accounts create</c>, a person made by the operator.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = KeysCommand.JsonOption();
        var store = new StoreFlags();
        var list = OperatorInput.StoreCommand("list", "List accounts: id, kind, name and username.", store);
        list.Options.Add(json);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var accounts = await db.Accounts.AsNoTracking()
                .OrderBy(a => a.Kind).ThenBy(a => a.Name).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);

            var views = accounts.Select(AccountView.From).ToList();
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(views, CliJsonContext.Default.ListAccountView));
            }
            else
            {
                TableWriter.Write(console, ["ID", "KIND", "NAME", "USERNAME"],
                    views.Select(a => new[] { a.Id, a.Kind, a.Name, a.Username ?? "" }));
            }

            return ExitCodes.Ok;
        });

        var command = new Command("accounts", "Accounts in the server's store.");
        command.Subcommands.Add(list);
        command.Subcommands.Add(AccountCreateCommand.Create(console, new StoreFlags()));
        return command;
    }
}
