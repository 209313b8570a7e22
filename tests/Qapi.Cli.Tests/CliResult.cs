namespace Qapi.Cli.Tests;

/// <summary>What one <c>qapi</c> run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);
