namespace Qapi.Cli;

/// <summary>The <c>qapi</c> executable.</summary>
internal static class Program
{
    // Not top-level statements: those would declare a global Program that clashes with Qapi.Server's.
    public static Task<int> Main(string[] args) => QapiCommandLine.RunAsync(args, CliConsole.ForProcess());
}
