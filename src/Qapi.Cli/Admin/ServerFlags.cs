using System.CommandLine;
using Qapi.Core.Protocol;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Admin;

/// <summary>
/// How the admin commands reach a running server: <c>--server</c> (or <c>QAPI_SERVER</c>), and a key from
/// <c>--credentials</c> (or <c>QAPI_CREDENTIALS</c>) or <c>--api-key</c> with its secret in <c>QAPI_SECRET</c>.
/// There is no flag for a secret: command lines show in the process list and stay in shell history.
/// </summary>
internal sealed class ServerFlags
{
    public const string ServerVariable = "QAPI_SERVER";
    public const string CredentialsVariable = "QAPI_CREDENTIALS";
    public const string SecretVariable = "QAPI_SECRET";

    public Option<string> Server { get; } = new("--server")
    {
        Description = "The server's base URL. Default: the credentials file's, else "
            + $"{ServerVariable}, else {QapiApp.DefaultUrl}.",
        HelpName = "URL",
    };

    public Option<string> Credentials { get; } = new("--credentials")
    {
        Description = $"A credentials file from `qapi signup --save`. Default: {CredentialsVariable}.",
        HelpName = "FILE",
    };

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = $"An admin key's id, instead of a credentials file; its secret is read from {SecretVariable}.",
        HelpName = "ID",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Credentials);
        command.Options.Add(ApiKey);
    }

    /// <summary>Whether any of these flags is on the command line.</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetResult(Server) is not null || parse.GetResult(Credentials) is not null
        || parse.GetResult(ApiKey) is not null;

    /// <summary>The server to talk to without a key (sign-up).</summary>
    public Uri ServerUrl(ParseResult parse, CliConsole console, CredentialsFile? file = null) =>
        Url(parse.GetValue(Server) ?? file?.Server ?? console.GetEnvironmentVariable(ServerVariable)
            ?? QapiApp.DefaultUrl);

    /// <summary>The server and the key; bad or missing credentials are the caller's to fix (exit code 2).</summary>
    public async Task<AdminConnection> ResolveAsync(
        ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var apiKey = parse.GetValue(ApiKey);
        var path = parse.GetValue(Credentials);
        if (apiKey is not null && path is not null)
        {
            throw new CliInputException("Give --credentials or --api-key, not both.");
        }

        if (apiKey is not null)
        {
            var secret = console.GetEnvironmentVariable(SecretVariable);
            return string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(secret)
                ? throw new CliInputException($"--api-key needs a key id, and its secret in {SecretVariable}.")
                : Checked(new AdminConnection(ServerUrl(parse, console), apiKey.Trim(), secret.Trim()));
        }

        path ??= console.GetEnvironmentVariable(CredentialsVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliInputException(
                $"No key: give --credentials FILE (or set {CredentialsVariable}), "
                + $"or --api-key with {SecretVariable}.");
        }

        var file = await CredentialsFile.LoadAsync(path, cancellationToken);
        return Checked(new AdminConnection(ServerUrl(parse, console, file), file.ApiKey, file.Secret));
    }

    private static AdminConnection Checked(AdminConnection connection)
    {
        try
        {
            ApiSecret.ToKeyBytes(connection.Secret);
            return connection;
        }
        catch (FormatException)
        {
            throw new CliInputException("The secret is not base64 text.");
        }
    }

    private static Uri Url(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new CliInputException($"'{text}' is not an absolute http or https URL.");
}
