using System.CommandLine;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi signup</c>: creates a personal account and its admin key on a running server (unsigned). The mnemonic
/// and the secret are shown this once; <c>--save</c> puts the key in an owner-only credentials file instead of
/// on the screen.
/// </summary>
internal static class SignupCommand
{
    public const string MnemonicWarning =
        "The 24 words above are the master seed of this account's wallets. Write them down and keep them offline:"
        + " they are shown this once, Qapi cannot show them again, and anyone who has them can rebuild the keys.";

    public const string SecretWarning =
        "The secret is shown this once and cannot be shown again: store it now (a password manager, a vault).";

    public static Command Create(CliConsole console)
    {
        var username = AdminCommand.Required("--username", "The new account's username (how others invite you).");
        var firstName = AdminCommand.Required("--first-name", "Your first name.");
        var lastName = AdminCommand.Required("--last-name", "Your last name.");
        var email = AdminCommand.Required("--email", "Your email address.");
        var save = new Option<string>("--save")
        {
            Description = "Write {server, apiKey, secret} to this new owner-only file; the secret is not printed.",
            HelpName = "FILE",
        };
        var flags = new ServerFlags();
        var json = KeysCommand.JsonOption();
        var command = new Command("signup", "Create a personal account and an admin key for it on a server.");
        foreach (var option in new[] { username, firstName, lastName, email, save })
        {
            command.Options.Add(option);
        }

        command.Options.Add(flags.Server);
        command.Options.Add(json);
        command.SetAction((parse, token) =>
        {
            var path = parse.GetValue(save);
            if (path is not null)
            {
                CredentialsFile.RequireNew(path);
            }

            var server = flags.ServerUrl(parse, console);
            var body = new JsonObject
            {
                ["username"] = parse.GetRequiredValue(username).Trim(),
                ["firstName"] = parse.GetRequiredValue(firstName).Trim(),
                ["lastName"] = parse.GetRequiredValue(lastName).Trim(),
                ["email"] = parse.GetRequiredValue(email).Trim(),
            };
            return AdminRun.UnsignedAsync(server, console, async client =>
            {
                var answer = await client.SendAsync(HttpMethod.Post, "/signup", body, token);
                var keyId = answer.Text("apiKey", "id") ?? "";
                var accountId = answer.Text("account", "id");
                var credentials = new CredentialsFile(server.ToString().TrimEnd('/'), keyId,
                    answer.Text("apiKey", "secret") ?? "", accountId);
                if (path is not null && !credentials.TrySave(path, console))
                {
                    path = null;
                }

                // Saved, the secret lives in the owner-only file alone; not in the JSON a script may log either.
                var shown = path is null ? answer : answer.Without("apiKey", "secret");
                await AdminOutput.WriteAsync(console, parse.GetValue(json), shown, () =>
                {
                    console.Out.WriteLine($"Signed up {answer.Text("account", "username")} (account {accountId}).");
                    console.Out.WriteLine($"  API key   {keyId}");
                    console.Out.WriteLine(path is null
                        ? $"  secret    {answer.Text("apiKey", "secret")}"
                        : $"  secret    saved to {path} (owner-only)");
                    console.Out.WriteLine($"  mnemonic  {answer.Text("mnemonic")}");
                });
                await console.Error.WriteLineAsync(MnemonicWarning);
                if (path is null)
                {
                    await console.Error.WriteLineAsync(SecretWarning);
                }

                return ExitCodes.Ok;
            }, token);
        });
        return command;
    }
}
