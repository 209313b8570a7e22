using System.CommandLine;
using System.Net.Http.Headers;
using Qapi.Cli.Output;
using Qapi.Client.Signing;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi send</c>: signs a request, sends it, prints the status line (on standard error) and the response body
/// (on standard output, indented when it is JSON), and fails with exit code 1 on a 4xx or 5xx answer.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliConsole console)
    {
        var flags = new RequestFlags();
        var command = new Command("send", "Sign a request, send it and print the response.");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = await flags.ReadAsync(parse, console, cancellationToken);
            return await SendAsync(input, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> SendAsync(
        SignedRequestInput input, CliConsole console, CancellationToken cancellationToken)
    {
        // A handler a test passed in is the test's to dispose.
        var transport = console.HttpHandler ?? new SocketsHttpHandler();
        var signing = new QredoSigningHandler(input.ApiKey, input.Secret, transport);
        using var client = new HttpClient(signing, disposeHandler: console.HttpHandler is null);
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Url);
        if (RequestFlags.TakesBody(input.Method))
        {
            request.Content = new ByteArrayContent(input.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (input.Timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(QredoHeaders.Timestamp, input.Timestamp);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var server = input.Url.GetLeftPart(UriPartial.Authority);
            await console.Error.WriteLineAsync($"qapi: no answer from {server}: {e.Message}");
            return ExitCodes.RequestFailed;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            await console.Error.WriteLineAsync($"HTTP/{response.Version} {status} {response.ReasonPhrase}");
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            await ResponseBody.WriteAsync(console.Out, response.Content.Headers.ContentType, body);
            return status >= 400 ? ExitCodes.RequestFailed : ExitCodes.Ok;
        }
    }
}
