using System.CommandLine;
using System.Text.Json;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Security;
using Qapi.Data.Admin;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi accounts create</c>: the operator creates a person (a personal account and its admin key) in the store,
/// as sign-up would, for a production server whose <c>POST /signup</c> is closed. The mnemonic goes to standard
/// error with its warning; the secret to an owner-only <c>--save</c> file, else to standard output, once.
/// </summary>
internal static class AccountCreateCommand
{
    public static Command Create(CliConsole console, StoreFlags store)
    {
        var username = AdminCommand.Required("--username", "The person's username (how others invite them).");
        var firstName = AdminCommand.Required("--first-name", "Their first name.");
        var lastName = AdminCommand.Required("--last-name", "Their last name.");
        var email = AdminCommand.Required("--email", "Their email address.");
        var save = new Option<string>("--save")
        {
            Description = "Write {server, apiKey, secret, accountId} to this new owner-only file; the secret is "
                + "not printed.",
            HelpName = "FILE",
        };
        var server = new Option<string>("--server")
        {
            Description = "The server URL written into the --save file. Default: Qapi:PublicBaseUrl, else "
                + QapiApp.DefaultUrl + ".",
            HelpName = "URL",
        };
        var json = KeysCommand.JsonOption();
        var command = OperatorInput.StoreCommand("create",
            "Create a person (personal account and admin key) in the store; for production, where sign-up is closed.",
            store);
        foreach (var option in new[] { username, firstName, lastName, email, save, server })
        {
            command.Options.Add(option);
        }

        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            var person = new PersonInput(AccountFields.Username(parse.GetRequiredValue(username)),
                AccountFields.Name(parse.GetRequiredValue(firstName), "--first-name"),
                AccountFields.Name(parse.GetRequiredValue(lastName), "--last-name"),
                AccountFields.Email(parse.GetRequiredValue(email)));
            var path = parse.GetValue(save);
            if (path is null && parse.GetValue(server) is not null)
            {
                throw new CliInputException("--server only goes into the --save file; give --save too.");
            }

            var serverUrl = parse.GetValue(server) is { } text ? ServerUrl(text) : null;
            if (path is not null)
            {
                CredentialsFile.RequireNew(path);
            }

            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            serverUrl ??= ServerUrl(opened.Options.PublicBaseUrl ?? QapiApp.DefaultUrl);
            var result = await CreateAsync(opened, person, path, serverUrl, cancellationToken);
            await PrintAsync(console, result, path, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<SignupResult> CreateAsync(
        OperatorStore store, PersonInput person, string? path, string server, CancellationToken cancellationToken)
    {
        // The file is claimed (empty, owner-only) before the person exists, so a path that cannot be written
        // fails before anything is created, and the secret always has its place once it does.
        if (path is not null)
        {
            Reserve(path);
        }

        SignupResult result;
        await using (var scope = store.CreateScope())
        {
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<SignupService>().CreateByOperatorAsync(
                    person.Username, person.FirstName, person.LastName, person.Email, cancellationToken);
            }
            catch when (path is not null)
            {
                File.Delete(path);
                throw;
            }
        }

        if (path is not null)
        {
            new CredentialsFile(server, result.Key.Id, result.Secret, result.Account.Id).Save(path);
        }

        return result;
    }

    private static async Task PrintAsync(CliConsole console, SignupResult result, string? path, bool json)
    {
        var (account, key) = (AccountView.From(result.Account), KeyView.From(result.Key));
        if (json)
        {
            var view = new PersonCreatedView(account, key, path is null ? result.Secret : null, path);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(view, CliJsonContext.Default.PersonCreatedView));
        }
        else
        {
            await console.Out.WriteLineAsync($"Created {account.Username} (account {account.Id}) with an admin key.");
            await console.Out.WriteLineAsync($"  API key   {key.Id}");
            await console.Out.WriteLineAsync(path is null
                ? $"  secret    {result.Secret}"
                : $"  secret    saved to {path} (owner-only)");
        }

        // Standard error only: output that a script captures or logs never holds the master seed.
        await console.Error.WriteLineAsync($"  mnemonic  {result.Mnemonic}");
        await console.Error.WriteLineAsync(SignupCommand.MnemonicWarning);
        if (path is null)
        {
            await console.Error.WriteLineAsync(SignupCommand.SecretWarning);
        }
    }

    private static void Reserve(string path)
    {
        try
        {
            OwnerOnlyFile.WriteAllText(path, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot write {path}: {e.Message}");
        }
    }

    private static string ServerUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url.ToString().TrimEnd('/')
            : throw new CliInputException($"'{text}' is not an absolute http or https URL.");

    private sealed record PersonInput(string Username, string FirstName, string LastName, string Email);
}
