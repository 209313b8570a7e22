using System.CommandLine;
using Qapi.Cli.Output;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi keys</c>: API key administration for an operator on the server's machine.</summary>
internal static class KeysCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("keys",
            "Create, list, update and revoke API keys: in the server's store, or through a server (--credentials).");
        command.Subcommands.Add(KeyCreateCommand.Create(console));
        command.Subcommands.Add(KeyListCommand.Create(console));
        command.Subcommands.Add(KeyUpdateCommand.Create(console));
        command.Subcommands.Add(KeyRevokeCommand.Create(console));
        return command;
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON, for scripts." };

    public static void WriteTable(CliConsole console, IEnumerable<KeyView> keys)
    {
        var now = DateTimeOffset.UtcNow;
        string[] headers = ["ID", "ACCOUNT", "NAME", "PERMISSIONS", "SCOPE", "EXPIRES", "REVOKED"];
        TableWriter.Write(console, headers, keys.Select(k => new[]
        {
            k.Id,
            k.AccountId,
            k.Name,
            string.Join(',', k.Permissions),
            k.Wallets.Count == 0 ? "whole account" : string.Join(',', k.Wallets),
            Expiry(k.ExpiresAt, now),
            k.RevokedAt is null ? "no" : "yes, " + k.RevokedAt,
        }));
    }

    private static string Expiry(string? expiresAt, DateTimeOffset now) => expiresAt switch
    {
        null => "never",
        _ when DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture) <= now =>
            expiresAt + " (expired)",
        _ => expiresAt,
    };
}
