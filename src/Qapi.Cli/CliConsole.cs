namespace Qapi.Cli;

/// <summary>
/// The streams and environment a command runs against: the process's own, or a test's. Standard input is a byte
/// stream because request bodies are signed as raw bytes, never decoded and re-encoded.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Standard input, as bytes.</summary>
    public required Stream Input { get; init; }

    /// <summary>Standard output: results, and nothing else, so that scripts can capture them.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, warnings and hints.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Whether standard input comes from a pipe or file rather than a terminal.</summary>
    public bool IsInputRedirected { get; init; } = true;

    /// <summary>Whether standard output is a terminal (tables get colors and the terminal's width).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Prompts on the terminal for a secret and reads it without echo; null where there is no terminal to ask.
    /// </summary>
    public Func<string, string>? ReadSecret { get; init; }

    /// <summary>The handler under <c>qapi send</c>'s HTTP client; null for a real network connection.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The process's own console.</summary>
    public static CliConsole ForProcess() => new()
    {
        Input = Console.OpenStandardInput(),
        Out = Console.Out,
        Error = Console.Error,
        IsInputRedirected = Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
        ReadSecret = TerminalSecret.Read,
    };
}
