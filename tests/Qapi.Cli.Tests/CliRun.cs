using System.Text;

namespace Qapi.Cli.Tests;

/// <summary>Runs the <c>qapi</c> command tree in-process with captured streams.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(
        string[] args,
        byte[]? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        HttpMessageHandler? httpHandler = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole
        {
            Input = new MemoryStream(stdin ?? []),
            Out = output,
            Error = error,

            // The machine's own QAPI_SECRET must not leak into a test.
            GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
            HttpHandler = httpHandler,
        };
        var exitCode = await QapiCommandLine.RunAsync(args, console, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string[] args, string stdin) =>
        RunAsync(args, Encoding.UTF8.GetBytes(stdin));
}
