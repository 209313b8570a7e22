using System.CommandLine;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Approvals;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi approver enroll</c>: generates an approver key pair, keeps the private key in an owner-only file and
/// enrolls the public key in the server's store (replacing, and so revoking, the member's earlier key).
/// </summary>
internal static class ApproverEnrollCommand
{
    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static Command Create(CliConsole console)
    {
        var member = new Option<string>("--member")
        {
            Description = "The approver: an account id, or a personal account's username (see `qapi accounts list`).",
            Required = true,
        };
        var name = new Option<string>("--name")
        {
            Description = "A label for the key, kept in the key file (for example the device it lives on).",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the key file. Default: ~/.qapi/approvers/<member>.json.",
            HelpName = "FILE",
        };
        var store = new StoreFlags();
        var command = OperatorInput.StoreCommand("enroll",
            "Generate an approver key pair, store the private key (mode 0600) and enroll the public key.", store);
        command.Options.Add(member);
        command.Options.Add(name);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            var memberText = parse.GetRequiredValue(member).Trim();
            if (memberText.Length == 0)
            {
                throw new CliInputException("--member is empty.");
            }

            var path = Path.GetFullPath(parse.GetValue(output) ?? DefaultPath(console, memberText));

            // Never overwrite: the file may hold the only copy of a key that is still enrolled somewhere.
            if (File.Exists(path))
            {
                throw new CliInputException($"{path} already exists; move it away or choose another --out.");
            }

            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var memberId = await OperatorInput.ResolveAccountAsync(opened, memberText, cancellationToken);
            Reserve(path);
            var file = await EnrollAsync(opened, memberId, parse.GetValue(name) ?? "", path, cancellationToken);

            await console.Out.WriteLineAsync($"Enrolled approver key {file.KeyId} for account {memberId}.");
            await console.Out.WriteLineAsync($"  public key  {file.PublicKey}");
            await console.Out.WriteLineAsync($"  key file    {path}");
            await console.Error.WriteLineAsync(
                "The private key is in that file (owner-only) and nowhere else: back it up, never share it. "
                + "Enrolling again replaces this key.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ApproverKeyFile> EnrollAsync(
        OperatorStore store, string memberId, string name, string path, CancellationToken cancellationToken)
    {
        var (privateKey, publicKey) = ApproverKeys.Generate();
        await using var scope = store.CreateScope();
        try
        {
            var key = await scope.ServiceProvider.GetRequiredService<ApproverService>()
                .EnrollAsync(memberId, publicKey, cancellationToken);
            var file = new ApproverKeyFile(key.Id, memberId, name, key.PublicKey, privateKey,
                KeyView.IsoTime(key.CreatedAt)!);
            file.Save(path);
            return file;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Creates the (empty, owner-only) file before the key is enrolled, so a path that cannot be written fails
    /// before the member's current key is replaced.
    /// </summary>
    private static void Reserve(string path)
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

    private static string DefaultPath(CliConsole console, string member)
    {
        var home = console.GetEnvironmentVariable("HOME")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var fileName = member.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && member[0] != '.'
            ? member
            : throw new CliInputException($"'{member}' cannot name a file; pass --out.");
        return Path.Combine(home, ".qapi", "approvers", fileName + ".json");
    }
}
