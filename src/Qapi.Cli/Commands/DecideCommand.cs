using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Qapi.Cli.Output;
using Qapi.Client.Approvers;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>qapi approve</c> and <c>qapi reject</c>: fetch the action, rebuild what is signed from its fields (never
/// trusting a digest the server sent), show it, sign it with the approver's key and send the decision.
/// </summary>
internal static class DecideCommand
{
    public static Command Create(CliConsole console, ApprovalDecision decision)
    {
        var verb = decision == ApprovalDecision.Approve ? "approve" : "reject";
        var txId = new Argument<string>("tx_id") { Description = "The transaction's id (see `qapi pending`)." };
        var flags = new ApproverFlags();
        var command = new Command(verb, $"Sign and send your decision to {verb} a transaction.");
        command.Arguments.Add(txId);
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(txId).Trim();
            if (!QapiId.IsWellFormed(id))
            {
                throw new CliInputException($"'{id}' is not a transaction id.");
            }

            return flags.RunAsync(parse, console, async (key, channel) =>
            {
                var action = await channel.GetAsync(id, cancellationToken);
                if (!string.Equals(action.TxId, id, StringComparison.Ordinal))
                {
                    await console.Error.WriteLineAsync($"qapi: not signing: asked for {id}, the server sent another.");
                    return ExitCodes.RequestFailed;
                }

                string text;
                try
                {
                    text = ApproverActionSigner.TextOf(action, decision);
                }
                catch (FormatException e)
                {
                    await console.Error.WriteLineAsync($"qapi: not signing: {e.Message}");
                    return ExitCodes.RequestFailed;
                }

                var described = decision == ApprovalDecision.Approve ? action.Sign.Approve : action.Sign.Reject;
                if (!string.Equals(text, described.Text, StringComparison.Ordinal))
                {
                    await console.Error.WriteLineAsync("qapi: not signing: the server describes a different "
                        + "approval text than the one rebuilt here from the transaction's fields.");
                    return ExitCodes.RequestFailed;
                }

                await ShowAsync(console, action, verb, text);
                var signature = ApproverActionSigner.Sign(action, decision, key.PrivateKey);
                var result = await channel.DecideAsync(id, decision, signature, cancellationToken);
                await ReportAsync(console, id, result);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task ShowAsync(CliConsole console, ApproverAction action, string verb, string text)
    {
        var output = console.Out;
        var network = TerminalText.Printable(action.Network);
        await output.WriteLineAsync($"Transaction {action.TxId} on {network} (chain {action.ChainId}), "
            + $"{TerminalText.Printable(action.Status)}, {action.Approvals} of {action.Threshold} approvals so far");

        // The fields below passed the transaction parser (TextOf), so they are addresses, numbers and hex.
        await output.WriteLineAsync($"  from   {action.From}");
        await output.WriteLineAsync($"  to     {action.To}");
        await output.WriteLineAsync($"  value  {action.Value} wei");
        await output.WriteLineAsync(action.GasPrice.Length > 0
            ? $"  gas    up to {action.GasLimit} at {action.GasPrice} wei (legacy)"
            : $"  gas    up to {action.GasLimit} at most {action.MaxFeePerGas} wei, "
                + $"tip {action.MaxPriorityFeePerGas}");
        await output.WriteLineAsync($"  data   {action.Data}");
        if (action.Nonce.Length > 0)
        {
            // Not in the approval text: a nonce given by the creator replaces whatever was signed with it before.
            await output.WriteLineAsync($"  nonce  {TerminalText.Printable(action.Nonce)} (replaces the transaction "
                + "signed with this nonce)");
        }

        if (action.Note.Length > 0)
        {
            await output.WriteLineAsync($"  note   {TerminalText.Printable(action.Note)} (not signed)");
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        await output.WriteLineAsync($"Signing to {verb}: SHA-256 {digest} of");
        foreach (var line in text.Split('\n'))
        {
            await output.WriteLineAsync("  " + line);
        }
    }

    private static async Task ReportAsync(CliConsole console, string id, ApproverDecisionResponse result)
    {
        var done = result.Decision == "approve" ? "Approved" : "Rejected";
        await console.Out.WriteLineAsync($"{done}. Transaction {id} is {TerminalText.Printable(result.Status)}: "
            + $"{result.Approvals} of {result.Threshold} approvals, {result.Rejections} rejections.");
        if (result.TxHash.Length > 0)
        {
            await console.Out.WriteLineAsync($"  txHash  {TerminalText.Printable(result.TxHash)}");
        }
    }
}
