using System.CommandLine;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Commands;

/// <summary>
/// The flags of the official Go signing tool (<c>-api-key</c>, <c>-secret</c>, <c>-method</c>, <c>-url</c>,
/// <c>-timestamp</c>), also accepted with two dashes and in the <c>-flag=value</c> form.
/// </summary>
internal sealed class RequestFlags
{
    public const string SecretVariable = "QAPI_SECRET";

    private static readonly string[] MethodsWithBody = ["POST", "PUT", "PATCH"];

    public Option<string> ApiKey { get; } = new("--api-key", "-api-key")
    {
        Description = "The API key's id.",
        Required = true,
    };

    public Option<string> Secret { get; } = new("--secret", "-secret")
    {
        Description = $"The API secret. Better: set {SecretVariable}, which keeps it off the command line.",
    };

    public Option<string> Method { get; } = new("--method", "-method")
    {
        Description = "The HTTP method; POST, PUT and PATCH read the body from standard input.",
        DefaultValueFactory = _ => "GET",
    };

    public Option<string> Url { get; } = new("--url", "-url")
    {
        Description = "The absolute URL, for example http://127.0.0.1:8002/qapi/v1/balance.",
        Required = true,
    };

    public Option<string> Timestamp { get; } = new("--timestamp", "-timestamp")
    {
        Description = "The qredo-api-ts value. Default: now, in seconds since the epoch.",
    };

    /// <summary>Whether a request of this method carries a body (read from standard input).</summary>
    public static bool TakesBody(string method) => MethodsWithBody.Contains(method);

    public void AddTo(Command command)
    {
        command.Options.Add(ApiKey);
        command.Options.Add(Secret);
        command.Options.Add(Method);
        command.Options.Add(Url);
        command.Options.Add(Timestamp);
    }

    /// <summary>Checks the flags and reads the body; bad input throws <see cref="CliInputException"/>.</summary>
    public async Task<SignedRequestInput> ReadAsync(
        ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var apiKey = parse.GetRequiredValue(ApiKey).Trim();
        if (apiKey.Length == 0)
        {
            throw new CliInputException("-api-key is empty.");
        }

        var secret = parse.GetValue(Secret) ?? console.GetEnvironmentVariable(SecretVariable);
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new CliInputException($"No secret: pass -secret, or set {SecretVariable}.");
        }

        secret = secret.Trim();
        byte[] secretKey;
        try
        {
            secretKey = ApiSecret.ToKeyBytes(secret);
        }
        catch (FormatException)
        {
            throw new CliInputException("The secret is not base64 text.");
        }

        // Every method of the API is upper case; upper-casing here keeps the signed and the sent spelling equal.
        var method = parse.GetValue(Method)!.Trim().ToUpperInvariant();
        if (method.Length == 0 || !method.All(char.IsAsciiLetter))
        {
            throw new CliInputException($"'{method}' is not an HTTP method.");
        }

        var urlText = parse.GetRequiredValue(Url);
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliInputException($"'{urlText}' is not an absolute http or https URL.");
        }

        var timestamp = parse.GetValue(Timestamp);
        if (timestamp is not null && !RequestTimestamp.TryParse(timestamp, out _))
        {
            throw new CliInputException($"The timestamp '{timestamp}' is not a decimal epoch time.");
        }

        var body = TakesBody(method) ? await ReadBodyAsync(console, cancellationToken) : [];
        return new SignedRequestInput(apiKey, secret, secretKey, method, url, urlText, timestamp, body);
    }

    /// <summary>
    /// The body is standard input's bytes exactly: no decoding, no trimming. A trailing newline (as `echo` adds)
    /// is part of the body and of the signature.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(CliConsole console, CancellationToken cancellationToken)
    {
        if (!console.IsInputRedirected)
        {
            await console.Error.WriteLineAsync("Reading the request body from standard input; end it with Ctrl+D.");
        }

        using var buffer = new MemoryStream();
        await console.Input.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
