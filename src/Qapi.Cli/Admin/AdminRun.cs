using System.CommandLine;
using Qapi.Client.Approvers;
using Qapi.Client.Signing;

namespace Qapi.Cli.Admin;

/// <summary>
/// Runs an admin command's work against the server. A refusal prints the server's reason on standard error and
/// exits with 1, as does no answer at all; bad flags or credentials exit with 2 before anything is sent.
/// </summary>
internal static class AdminRun
{
    /// <summary>Signed with the key of <paramref name="flags"/>.</summary>
    public static async Task<int> SignedAsync(
        ParseResult parse,
        CliConsole console,
        ServerFlags flags,
        Func<AdminApiClient, AdminConnection, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var connection = await flags.ResolveAsync(parse, console, cancellationToken);

        // A handler a test passed in is the test's to dispose.
        var transport = console.HttpHandler ?? new SocketsHttpHandler();
        var signing = new QredoSigningHandler(connection.ApiKey, connection.Secret, transport);
        using var http = new HttpClient(signing, disposeHandler: console.HttpHandler is null);
        var client = new AdminApiClient(http, connection.Server);
        return await GuardAsync(console, client, () => work(client, connection), cancellationToken);
    }

    /// <summary>Unsigned, for sign-up.</summary>
    public static async Task<int> UnsignedAsync(
        Uri server, CliConsole console, Func<AdminApiClient, Task<int>> work, CancellationToken cancellationToken)
    {
        using var http = console.HttpHandler is null ? new HttpClient() : new HttpClient(console.HttpHandler, false);
        var client = new AdminApiClient(http, server);
        return await GuardAsync(console, client, () => work(client), cancellationToken);
    }

    private static async Task<int> GuardAsync(
        CliConsole console, AdminApiClient client, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work();
        }
        catch (QapiRequestException e)
        {
            await console.Error.WriteLineAsync("qapi: " + e.Message);
            return ExitCodes.RequestFailed;
        }
        catch (Exception e) when (e is HttpRequestException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await console.Error.WriteLineAsync($"qapi: no answer from {client.Server}: {e.Message}");
            return ExitCodes.RequestFailed;
        }
    }
}
