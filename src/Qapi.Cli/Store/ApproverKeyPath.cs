namespace Qapi.Cli.Store;

/// <summary>
/// Where <c>qapi approver enroll</c> writes a new key file, on the store or through a server: <c>--out</c>, or
/// <c>~/.qapi/approvers/&lt;name&gt;.json</c> in an owner-only directory. It never overwrites a file, which may hold
/// the only copy of a key that is still enrolled somewhere.
/// </summary>
internal static class ApproverKeyPath
{
    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The full path to write, refused when a file is already there.</summary>
    public static string New(CliConsole console, string? output, string name)
    {
        var path = Path.GetFullPath(output ?? DefaultPath(console, name));
        return File.Exists(path)
            ? throw new CliInputException($"{path} already exists; move it away or choose another --out.")
            : path;
    }

    /// <summary>
    /// Creates the (empty, owner-only) file before the key is enrolled, so a path that cannot be written fails
    /// before the approver's current key is replaced.
    /// </summary>
    public static void Reserve(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        try
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, OwnerOnlyDirectory);
                }
            }

            Core.Security.OwnerOnlyFile.WriteAllText(path, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot write {path}: {e.Message}");
        }
    }

    private static string DefaultPath(CliConsole console, string name)
    {
        var home = console.GetEnvironmentVariable("HOME")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var fileName = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && name[0] != '.'
            ? name
            : throw new CliInputException($"'{name}' cannot name a file; pass --out.");
        return Path.Combine(home, ".qapi", "approvers", fileName + ".json");
    }
}
