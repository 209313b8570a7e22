using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Evm;

namespace Qapi.Client.Approvers;

/// <summary>
/// Signs decisions on actions from the approvers' channel. The approval text is rebuilt here, from the action's own
/// fields, and never taken from the digest the server sent: what the approver signs is what the approver was shown.
/// If the server described one thing and stored another, the signature will not match what it stored.
/// </summary>
public static class ApproverActionSigner
{
    /// <summary>The canonical approval text of a decision on the action, computed from its fields.</summary>
    /// <exception cref="FormatException">The action's fields do not form a valid transaction.</exception>
    public static string TextOf(ApproverAction action, ApprovalDecision decision) =>
        ApprovalDigest.Text(action.TxId, decision, RequestOf(action));

    /// <summary>The approver's signature (hex) over the approval digest of a decision on the action.</summary>
    /// <exception cref="FormatException">The action's fields do not form a valid transaction.</exception>
    public static string Sign(ApproverAction action, ApprovalDecision decision, string privateKeyHex) =>
        ApproverKeys.Sign(privateKeyHex, ApprovalDigest.Compute(action.TxId, decision, RequestOf(action)));

    private static EvmTransactionRequest RequestOf(ApproverAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var result = EvmTransactionRequestParser.Parse(new EvmTransactionFields
        {
            From = action.From,
            To = action.To,
            Value = action.Value,
            GasLimit = action.GasLimit,
            GasPrice = EmptyAsNull(action.GasPrice),
            MaxFeePerGas = EmptyAsNull(action.MaxFeePerGas),
            MaxPriorityFeePerGas = EmptyAsNull(action.MaxPriorityFeePerGas),
            Data = action.Data,
            ChainId = action.ChainId,
        });
        return result.Request
            ?? throw new FormatException("The action's fields are not a valid transaction: "
                + string.Join("; ", result.Errors));
    }

    private static string? EmptyAsNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
