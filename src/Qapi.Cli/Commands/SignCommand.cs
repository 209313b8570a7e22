using System.CommandLine;
using System.Globalization;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi sign</c>: prints the three authentication headers for a request, like the official Go signing tool.
/// The URL is signed exactly as typed, so it has to be the URL the request is then sent to, byte for byte.
/// </summary>
internal static class SignCommand
{
    public static Command Create(CliConsole console)
    {
        var flags = new RequestFlags();
        var command = new Command("sign", "Print the qredo-api-key, qredo-api-ts and qredo-api-sig headers.");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = await flags.ReadAsync(parse, console, cancellationToken);
            var timestamp = request.Timestamp
                ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = RequestSignature.Compute(
                request.SecretKey, timestamp, request.Method, request.UrlText, request.Body);

            await console.Out.WriteLineAsync($"{QredoHeaders.ApiKey}: {request.ApiKey}");
            await console.Out.WriteLineAsync($"{QredoHeaders.Timestamp}: {timestamp}");
            await console.Out.WriteLineAsync($"{QredoHeaders.Signature}: {signature}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
