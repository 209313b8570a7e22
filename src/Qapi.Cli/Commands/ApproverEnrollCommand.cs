using System.CommandLine;
using Qapi.Cli.Admin;
using Qapi.Cli.Commands.Admin;
using Qapi.Cli.Output;
using Qapi.Cli.Store;
using Qapi.Core.Approvals;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi approver enroll</c>: generates an approver key pair, keeps the private key in an owner-only file and
/// enrolls the public key (replacing, and so revoking, the approver's earlier key): in the server's store for any
/// member, or through a running server for yourself or one of an account's signing agents.
/// </summary>
internal static class ApproverEnrollCommand
{
    public static Command Create(CliConsole console)
    {
        var member = new Option<string>("--member")
        {
            Description = "On the store (required there): the approver, an account id or a personal account's "
                + "username (see `qapi accounts list`).",
        };
        var name = new Option<string>("--name")
        {
            Description = "A label for the key, kept in the key file (for example the device it lives on).",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the key file. Default: ~/.qapi/approvers/<name>.json, named after "
                + "--member, --agent or (through a server) your username.",
            HelpName = "FILE",
        };
        var account = new Option<string>("--account")
        {
            Description = "With a server (required there): the account you approve in, or that owns the --agent.",
        };
        var agent = new Option<string>("--agent")
        {
            Description = "With a server: enroll this signing agent's key (`qapi agent create`) instead of yours.",
            HelpName = "ID",
        };
        var store = new StoreFlags();
        var server = new ServerFlags();
        var command = OperatorInput.StoreCommand("enroll",
            "Generate an approver key pair, store the private key (mode 0600) and enroll the public key: on the "
            + "store, or through a server (--credentials).", store);
        foreach (var option in new[] { member, name, output, account, agent })
        {
            command.Options.Add(option);
        }

        server.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommandMode.IsServer(parse, store, server, console))
            {
                return await ServerApproverEnroll.RunAsync(parse, console, server, new ServerEnrollInput(
                    parse.GetValue(member), parse.GetValue(account), parse.GetValue(agent), parse.GetValue(name),
                    parse.GetValue(output)), cancellationToken);
            }

            if (parse.GetValue(account) is not null || parse.GetValue(agent) is not null)
            {
                throw new CliInputException("--account and --agent work with a server (--credentials or "
                    + "--api-key); on the store, name the approver with --member.");
            }

            var configuration = OperatorInput.ConfigurationArgs(parse, store);
            var memberText = parse.GetValue(member)?.Trim() switch
            {
                null => throw new CliInputException("--member is required on the store: whose key to enroll."),
                "" => throw new CliInputException("--member is empty."),
                var text => text,
            };
            var path = ApproverKeyPath.New(console, parse.GetValue(output), memberText);

            await using var opened = await OperatorStore.OpenAsync(configuration, cancellationToken);
            var memberId = await OperatorInput.ResolveAccountAsync(opened, memberText, cancellationToken);
            ApproverKeyPath.Reserve(path);
            var file = await EnrollAsync(opened, memberId, parse.GetValue(name) ?? "", path, cancellationToken);
            await PrintAsync(console, file, $"account {memberId}", path);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What both ways of enrolling print: the key, never its private half.</summary>
    public static async Task PrintAsync(CliConsole console, ApproverKeyFile file, string whose, string path)
    {
        await console.Out.WriteLineAsync($"Enrolled approver key {file.KeyId} for {whose}.");
        await console.Out.WriteLineAsync($"  public key  {file.PublicKey}");
        await console.Out.WriteLineAsync($"  key file    {path}");
        await console.Error.WriteLineAsync(
            "The private key is in that file (owner-only) and nowhere else: back it up, never share it. "
            + "Enrolling again replaces this key.");
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
}
