using System.Text.Json;
using Qapi.Cli.Output;
using Qapi.Core.Approvals;
using Qapi.Core.Security;

namespace Qapi.Cli.Store;

/// <summary>
/// An approver's key pair on the approver's machine, as <c>qapi approver enroll</c> writes it: owner-only JSON with
/// the enrolled key's id (which the approvers' channel authenticates by), the member it belongs to, and the keys.
/// </summary>
internal sealed record ApproverKeyFile(
    string KeyId,
    string MemberId,
    string Name,
    string PublicKey,
    string PrivateKey,
    string CreatedAt)
{
    private const UnixFileMode OthersMayAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads and checks a key file; anything wrong with it is the operator's to fix (exit code 2).</summary>
    public static async Task<ApproverKeyFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"No approver key file at {path}; `qapi approver enroll` writes one.");
        }

        // Like ssh with an identity file: a private key that others can read is refused, not silently used.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayAccess) != 0)
        {
            throw new CliInputException($"{path} holds a private key but others may read it: chmod 600 it.");
        }

        ApproverKeyFile? file;
        try
        {
            var json = await File.ReadAllBytesAsync(path, cancellationToken);
            file = JsonSerializer.Deserialize(json, CliJsonContext.Default.ApproverKeyFile);
        }
        catch (JsonException)
        {
            file = null;
        }

        if (file is null || string.IsNullOrWhiteSpace(file.KeyId) || !IsKeyPair(file))
        {
            throw new CliInputException($"{path} is not an approver key file (keyId, publicKey, privateKey).");
        }

        return file;
    }

    /// <summary>Writes the file so that only its owner can read it, from the first byte on.</summary>
    public void Save(string path) =>
        OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(this, CliJsonContext.Default.ApproverKeyFile));

    private static bool IsKeyPair(ApproverKeyFile file)
    {
        try
        {
            return string.Equals(ApproverKeys.PublicKeyOf(file.PrivateKey), file.PublicKey,
                StringComparison.OrdinalIgnoreCase);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
