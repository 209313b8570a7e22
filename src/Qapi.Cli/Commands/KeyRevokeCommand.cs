using System.CommandLine;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Store;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi keys revoke</c>: revokes a key for good; the server refuses it from the next request on.</summary>
internal static class KeyRevokeCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The key's id." };
        var store = new StoreFlags();
        var server = new ServerFlags();
        var command = OperatorInput.StoreCommand("revoke", "Revoke an API key; this cannot be undone.", store);
        command.Arguments.Add(id);
        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerKeys.RevokeAsync(parse, console, server, parse.GetRequiredValue(id),
                    cancellationToken);
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            await using var scope = opened.CreateScope();
            var keyId = parse.GetRequiredValue(id);
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(keyId, cancellationToken);
            await console.Out.WriteLineAsync($"Revoked API key {keyId}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
