using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi keys list</c>: every key, or one account's, newest first; never a secret.</summary>
internal static class KeyListCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Option<string>("--account")
        {
            Description = "Only this account's keys (its id, or a personal account's username).",
        };
        var json = KeysCommand.JsonOption();
        var store = new StoreFlags();
        var server = new ServerFlags();
        var command = OperatorInput.StoreCommand("list", "List API keys (never their secrets).", store);
        command.Options.Add(account);
        command.Options.Add(json);
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerKeys.ListAsync(parse, console, server, parse.GetValue(account),
                    parse.GetValue(json), cancellationToken);
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var accountId = parse.GetValue(account) is { } given
                ? await OperatorInput.ResolveAccountAsync(opened, given, cancellationToken)
                : null;
            await using var scope = opened.CreateScope();
            var keys = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
                .ListAsync(accountId, cancellationToken);

            var views = keys.Select(KeyView.From).ToList();
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(views, CliJsonContext.Default.ListKeyView));
            }
            else
            {
                KeysCommand.WriteTable(console, views);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
