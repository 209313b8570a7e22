using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Keys;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi keys update</c>: renames, re-permissions or re-dates a key.</summary>
internal static class KeyUpdateCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The key's id." };
        var name = new Option<string>("--name") { Description = "A new name." };
        var permissions = new Option<string>("--permissions")
        {
            Description = "The new permissions, replacing the old: any of balance, read_only, web3.",
        };
        var expires = new Option<string>("--expires")
        {
            Description = "A new expiry, ISO 8601: 2027-01-01 or 2027-01-01T12:00:00Z (UTC unless an offset is given).",
        };
        var noExpiry = new Option<bool>("--no-expiry") { Description = "Remove the expiry." };
        var json = KeysCommand.JsonOption();

        var store = new StoreFlags();
        var server = new ServerFlags();
        var command = OperatorInput.StoreCommand("update", "Change a key's name, permissions or expiry.", store);
        command.Arguments.Add(id);
        command.Options.Add(name);
        command.Options.Add(permissions);
        command.Options.Add(expires);
        command.Options.Add(noExpiry);
        command.Options.Add(json);
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var newName = parse.GetValue(name);
            var newPermissions = parse.GetValue(permissions) is { } p
                ? OperatorInput.Permissions(p)
                : (ApiKeyPermissions?)null;
            var newExpiry = parse.GetValue(expires) is { } e ? OperatorInput.Expiry(e) : (DateTimeOffset?)null;
            var clearExpiry = parse.GetValue(noExpiry);
            if (newExpiry is not null && clearExpiry)
            {
                throw new CliInputException("--expires and --no-expiry contradict each other; give one.");
            }

            if (newName is null && newPermissions is null && newExpiry is null && !clearExpiry)
            {
                throw new CliInputException("Nothing to change: give --name, --permissions, --expires or --no-expiry.");
            }

            if (newName is not null && string.IsNullOrWhiteSpace(newName))
            {
                throw new CliInputException("--name is empty.");
            }

            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerKeys.UpdateAsync(parse, console, server, new KeyUpdateInput(
                    parse.GetRequiredValue(id), newName, newPermissions, newExpiry, clearExpiry, parse.GetValue(json)),
                    cancellationToken);
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            var keyId = parse.GetRequiredValue(id);
            var key = await keys.UpdateAsync(
                keyId, newName, newPermissions, newExpiry, clearExpiry, cancellationToken);

            // Read back with its wallets, which the update does not load.
            var updated = (await keys.ListAsync(key.AccountId, cancellationToken)).Single(k => k.Id == keyId);
            var view = KeyView.From(updated);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(view, CliJsonContext.Default.KeyView));
            }
            else
            {
                KeysCommand.WriteTable(console, [view]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
