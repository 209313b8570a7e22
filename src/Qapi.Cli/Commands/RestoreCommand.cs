using System.CommandLine;
using System.Globalization;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Accounts;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi restore</c>: re-creates an account's wallet keys from its mnemonic, on a fresh store (a new account
/// whose first wallets must come out at the addresses the operator names) or on a store that holds the account
/// (every wallet must match; the seed and keys are sealed again under the store's key-encryption key).
/// </summary>
internal static class RestoreCommand
{
    private const string NewIdsNote =
        "Account, fund and wallet ids are new; addresses and keys are the originals'. API keys, approver keys and "
        + "policies are not in a mnemonic: set them up again.";

    public static Command Create(CliConsole console)
    {
        var flags = new RestoreFlags();
        var store = new StoreFlags();
        var command = OperatorInput.StoreCommand("restore",
            "Re-create an account's wallet keys from its mnemonic (read from --mnemonic-file, standard input or a "
            + "prompt; never from the command line).", store);
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // A stray token may be a word of a mnemonic typed where it must not go: it is not repeated back.
            if (!parse.UnmatchedTokens.All(OperatorInput.IsSetting))
            {
                throw new CliInputException("Unrecognized argument, not repeated here in case it is part of a "
                    + "mnemonic. A mnemonic is read from --mnemonic-file, standard input or a prompt, never from the "
                    + "command line.");
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            var existing = parse.GetValue(flags.Account);
            flags.RequireOneMode(parse, existing is not null);
            var request = existing is null ? flags.NewAccount(parse) : null;

            var mnemonic = await MnemonicInput.ReadAsync(console, parse.GetValue(flags.MnemonicFile),
                cancellationToken);
            return request is not null
                ? await RestoreNewAsync(console, configuration, request, mnemonic, cancellationToken)
                : await ResealAsync(console, configuration, existing!, mnemonic, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RestoreNewAsync(
        CliConsole console,
        string[] configuration,
        AccountRestore request,
        string mnemonic,
        CancellationToken cancellationToken)
    {
        // Everything that can be checked without the store is, so that bad input does not even create one.
        var (options, missing) = OperatorStore.Locate(configuration);
        AccountRestoreService.Check(request, mnemonic, options.IsSandbox);
        if (missing is not null && request.Kind == AccountKind.Organization)
        {
            throw new CliInputException($"{missing}. An organization's administrators and approvers must be in "
                + "the store first: restore them with --kind personal, or point --data at the store that holds them.");
        }

        await using var opened = await OperatorStore.OpenAsync(configuration, createIfMissing: true,
            cancellationToken);
        if (missing is not null)
        {
            await console.Error.WriteLineAsync($"Created a new store in {options.ResolvedDataDirectory}.");
        }

        await using var scope = opened.CreateScope();
        var restored = await scope.ServiceProvider.GetRequiredService<AccountRestoreService>()
            .RestoreNewAsync(request, mnemonic, options.IsSandbox, cancellationToken);

        var kind = request.Kind.ToString().ToLowerInvariant();
        await console.Out.WriteLineAsync($"Restored {kind} '{restored.Account.Name}' as account {restored.Account.Id}, "
            + $"fund '{restored.Fund!.Name}' {restored.Fund.Id}:");
        WriteWallets(console, restored);
        await console.Error.WriteLineAsync(NewIdsNote);
        return ExitCodes.Ok;
    }

    private static async Task<int> ResealAsync(
        CliConsole console,
        string[] configuration,
        string idOrUsername,
        string mnemonic,
        CancellationToken cancellationToken)
    {
        await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
        var accountId = await OperatorInput.ResolveAccountAsync(opened, idOrUsername, cancellationToken);
        await using var scope = opened.CreateScope();
        var restored = await scope.ServiceProvider.GetRequiredService<AccountRestoreService>()
            .ResealAsync(accountId, mnemonic, cancellationToken);

        await console.Out.WriteLineAsync($"The mnemonic derives all {restored.Wallets.Count} wallets of account "
            + $"{accountId}; its seed and wallet keys are sealed again under this store's key-encryption key:");
        WriteWallets(console, restored);
        return ExitCodes.Ok;
    }

    private static void WriteWallets(CliConsole console, RestoredAccount restored) =>
        TableWriter.Write(console, ["INDEX", "WALLET", "ASSET", "ADDRESS"], restored.Wallets.Select(w => new[]
        {
            w.DerivationIndex.ToString(CultureInfo.InvariantCulture), w.Id, w.Asset, w.Address,
        }));
}
