namespace Qapi.Cli.Commands;

/// <summary>
/// Where <c>qapi restore</c> reads a mnemonic from: a file, standard input when it is redirected, or a prompt
/// without echo. Never a command-line argument, which other users can read in the process list and which
/// stays in shell history.
/// </summary>
internal static class MnemonicInput
{
    private const UnixFileMode SharedBits = UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static async Task<string> ReadAsync(CliConsole console, string? file, CancellationToken cancellationToken)
    {
        string text;
        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new CliInputException($"No mnemonic file at {path}.");
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & SharedBits) != 0)
            {
                await console.Error.WriteLineAsync(
                    $"warning: {path} can be read by other users; keep a mnemonic file at mode 600, or off disk.");
            }

            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        else if (console.IsInputRedirected)
        {
            using var reader = new StreamReader(console.Input, leaveOpen: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else if (console.ReadSecret is { } prompt)
        {
            text = prompt("Mnemonic (not shown as you type): ");
        }
        else
        {
            throw new CliInputException("No mnemonic: give --mnemonic-file, or run on a terminal to be asked for it.");
        }

        var words = text.Trim();
        return words.Length > 0 ? words : throw new CliInputException("The mnemonic is empty.");
    }
}
