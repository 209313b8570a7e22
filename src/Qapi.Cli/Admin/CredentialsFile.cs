using System.Text.Json;
using System.Text.Json.Serialization;
using Qapi.Core.Security;

namespace Qapi.Cli.Admin;

/// <summary>
/// What <c>qapi signup --save</c> and <c>qapi keys create --save</c> write: the server, a key and its secret, in
/// an owner-only (0600) JSON file, and the account the key belongs to. <c>--credentials</c> reads it back.
/// </summary>
internal sealed record CredentialsFile(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("apiKey")] string ApiKey,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("accountId")] string? AccountId)
{
    private const UnixFileMode OthersMayAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Refuses, before anything is asked of the server, a path that already holds a file or that cannot be
    /// written (no such directory, no permission): a secret the server shows once must have somewhere to go.
    /// </summary>
    public static void RequireNew(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new CliInputException($"{path} already exists; --save never overwrites, give a new file.");
        }

        try
        {
            // Creating the file, empty and owner-only, is the one test that answers for every reason it could fail.
            var probe = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                probe.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            new FileStream(path, probe).Dispose();
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot write {path} ({e.Message}); give --save a writable new file.");
        }
    }

    public void Save(string path) =>
        OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(this, AdminJsonContext.Default.CredentialsFile));

    /// <summary>
    /// Saves the file; when that fails after the server has created the key, says why on standard error and
    /// returns false, so that the caller shows the secret instead of losing it.
    /// </summary>
    public bool TrySave(string path, CliConsole console)
    {
        try
        {
            Save(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"qapi: could not write {path} ({e.Message}); the secret is shown below instead.");
            return false;
        }
    }

    /// <summary>Reads and checks a credentials file; the caller fixes what is wrong with it (exit 2).</summary>
    public static async Task<CredentialsFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"No credentials file at {path}; `qapi signup --save` writes one.");
        }

        // Like ssh with an identity file: a secret that others can read is refused, not silently used.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayAccess) != 0)
        {
            throw new CliInputException($"{path} holds an API secret but others may read it: chmod 600 it.");
        }

        CredentialsFile? file;
        try
        {
            var json = await File.ReadAllBytesAsync(path, cancellationToken);
            file = JsonSerializer.Deserialize(json, AdminJsonContext.Default.CredentialsFile);
        }
        catch (JsonException)
        {
            file = null;
        }

        return file is { ApiKey.Length: > 0, Secret.Length: > 0 }
            ? file
            : throw new CliInputException($"{path} is not a credentials file ({{server, apiKey, secret}}).");
    }
}
