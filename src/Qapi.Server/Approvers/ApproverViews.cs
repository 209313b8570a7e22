using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Transactions;
using Qapi.Data.Transactions;

namespace Qapi.Server.Approvers;

/// <summary>Maps transactions, as an approver sees them, to the channel's wire shapes.</summary>
internal static class ApproverViews
{
    public static ApproverAction Action(ApproverTransaction item)
    {
        var tx = item.Transaction;
        var request = StoredRequest.Of(tx);
        return new ApproverAction(tx.Id, tx.AccountId, tx.WalletId, tx.Status,
            ChainCatalog.NameOf(BigInteger.Parse(tx.ChainId, CultureInfo.InvariantCulture)), tx.ChainId, tx.From,
            tx.To, tx.Value, tx.GasLimit, tx.GasPrice ?? "", tx.MaxFeePerGas ?? "", tx.MaxPriorityFeePerGas ?? "",
            tx.Data, tx.RequestedNonce ?? "", tx.Note, tx.CreatedAt, tx.ExpiresAt, tx.Threshold,
            Approvers(tx.ApproverIds), item.Approvals, item.Rejections, Name(item.Decision),
            new ApproverActionDigests(
                Digest(ApprovalDigest.Text(tx.Id, ApprovalDecision.Approve, request)),
                Digest(ApprovalDigest.Text(tx.Id, ApprovalDecision.Reject, request))));
    }

    public static ApproverDecisionResponse Decision(ApproverTransaction item)
    {
        var tx = item.Transaction;
        return new ApproverDecisionResponse(tx.Id, tx.Status, Name(item.Decision), tx.Threshold, item.Approvals,
            item.Rejections, tx.TxHash, tx.SignedTx);
    }

    /// <summary>The wire spelling of a decision: <c>approve</c>, <c>reject</c>, or empty for none.</summary>
    public static string Name(ApprovalDecision? decision) => decision switch
    {
        ApprovalDecision.Approve => "approve",
        ApprovalDecision.Reject => "reject",
        _ => "",
    };

    private static ApprovalDigestInfo Digest(string text) =>
        new(text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

    private static int Approvers(string approverIds) =>
        approverIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
