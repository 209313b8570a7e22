using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi keys create</c>: issues a key and shows its secret, this once.</summary>
internal static class KeyCreateCommand
{
    private const string OnceWarning =
        "The secret is shown this once and cannot be shown again: store it now (a password manager, a vault).";

    public static Command Create(CliConsole console)
    {
        var account = new Option<string>("--account")
        {
            Description = "The account's id, or a personal account's username (see `qapi accounts list`).",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "A name to tell the key by." };
        var permissions = new Option<string>("--permissions")
        {
            Description = "Comma-separated, any of: balance, read_only, web3.",
            Required = true,
        };
        var wallets = new Option<string[]>("--wallet")
        {
            Description = "Narrow the key to this wallet of the account; repeat for more. Default: all wallets.",
            HelpName = "ID",
        };
        var expires = new Option<string>("--expires")
        {
            Description = "Expiry, ISO 8601: 2027-01-01 or 2027-01-01T12:00:00Z (UTC unless an offset is given).",
        };
        var json = KeysCommand.JsonOption();
        var save = new Option<string>("--save")
        {
            Description = "With a server: write {server, apiKey, secret} to this new owner-only file, not the screen.",
            HelpName = "FILE",
        };

        var store = new StoreFlags();
        var server = new ServerFlags();
        var command = OperatorInput.StoreCommand("create", "Create an API key; prints its secret once.", store);
        command.Options.Add(account);
        command.Options.Add(name);
        command.Options.Add(permissions);
        command.Options.Add(wallets);
        command.Options.Add(expires);
        command.Options.Add(json);
        command.Options.Add(save);
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var permissionSet = OperatorInput.Permissions(parse.GetRequiredValue(permissions));
            var expiry = parse.GetValue(expires) is { } text ? OperatorInput.Expiry(text) : (DateTimeOffset?)null;
            var walletIds = parse.GetValue(wallets) ?? [];
            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerKeys.CreateAsync(parse, console, server, new KeyCreateInput(
                    parse.GetRequiredValue(account), parse.GetValue(name), permissionSet, walletIds, expiry,
                    parse.GetValue(json), parse.GetValue(save)), cancellationToken);
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            if (parse.GetValue(save) is not null)
            {
                throw new CliInputException("--save works with a server (--credentials or --api-key), not the store.");
            }

            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var accountId = await OperatorInput.ResolveAccountAsync(
                opened, parse.GetRequiredValue(account), cancellationToken);
            await using var scope = opened.CreateScope();
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            var (key, secret) = await keys.CreateAsync(
                accountId, parse.GetValue(name) ?? "", permissionSet, walletIds, expiry, cancellationToken);

            var view = KeyView.From(key);
            if (parse.GetValue(json))
            {
                var created = new KeyCreatedView(key.Id, secret, view);
                await console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(created, CliJsonContext.Default.KeyCreatedView));
            }
            else
            {
                await console.Out.WriteLineAsync($"Created API key '{view.Name}' for account {view.AccountId}.");
                await console.Out.WriteLineAsync($"  API key  {key.Id}");
                await console.Out.WriteLineAsync($"  secret   {secret}");
            }

            await console.Error.WriteLineAsync(OnceWarning);
            return ExitCodes.Ok;
        });
        return command;
    }
}
