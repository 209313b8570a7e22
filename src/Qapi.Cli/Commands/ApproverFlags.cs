using System.CommandLine;
using Qapi.Cli.Store;
using Qapi.Client.Approvers;
using Qapi.Client.Signing;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>--key-file</c> and <c>--url</c> of the approver's commands (<c>pending</c>, <c>approve</c>, <c>reject</c>),
/// which talk to a running server's approvers' channel, signed with the key in the file.
/// </summary>
internal sealed class ApproverFlags
{
    public Option<string> KeyFile { get; } = new("--key-file")
    {
        Description = "The approver key file that `qapi approver enroll` wrote.",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The server's base URL. Default: {QapiApp.DefaultUrl}.",
        DefaultValueFactory = _ => QapiApp.DefaultUrl,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(KeyFile);
        command.Options.Add(Url);
    }

    /// <summary>
    /// Loads the key, then runs the work against the channel. A refusal or no answer from the server prints one
    /// line on standard error and exits with 1.
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parse,
        CliConsole console,
        Func<ApproverKeyFile, ApproverClient, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var urlText = parse.GetValue(Url)!;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliInputException($"'{urlText}' is not an absolute http or https URL.");
        }

        var key = await ApproverKeyFile.LoadAsync(parse.GetRequiredValue(KeyFile), cancellationToken);

        // A handler a test passed in is the test's to dispose.
        var transport = console.HttpHandler ?? new SocketsHttpHandler();
        var signing = new ApproverSigningHandler(key.KeyId, key.PrivateKey, transport);
        using var http = new HttpClient(signing, disposeHandler: console.HttpHandler is null);
        try
        {
            return await work(key, new ApproverClient(http, url));
        }
        catch (QapiRequestException e)
        {
            await console.Error.WriteLineAsync("qapi: " + e.Message);
            return ExitCodes.RequestFailed;
        }
        catch (Exception e) when (e is HttpRequestException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await console.Error.WriteLineAsync($"qapi: no answer from {url.GetLeftPart(UriPartial.Authority)}: "
                + e.Message);
            return ExitCodes.RequestFailed;
        }
    }
}
