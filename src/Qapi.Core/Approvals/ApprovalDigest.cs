using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qapi.Core.Evm;

namespace Qapi.Core.Approvals;

/// <summary>
/// What an approver signs: SHA-256 of a canonical text that binds the transaction id, the decision and every
/// field that will be signed except the nonce (which is assigned at signing time). Content changed after an
/// approval therefore no longer matches the approval's signature.
/// </summary>
/// <remarks>
/// The text is UTF-8, lines joined by <c>\n</c>, numbers in decimal, addresses and data in lowercase hex:
/// <c>qapi-approval-v1</c>, tx id, <c>approve</c>|<c>reject</c>, chain id, from, to, value, gas limit,
/// <c>legacy:GASPRICE</c> or <c>eip1559:MAXFEE:MAXPRIORITYFEE</c>, data (<c>0x</c> when empty).
/// </remarks>
public static class ApprovalDigest
{
    private const string Version = "qapi-approval-v1";

    /// <summary>The canonical text (useful to show an approver what they sign).</summary>
    public static string Text(string txId, ApprovalDecision decision, EvmTransactionRequest request)
    {
        var fees = request.Fees switch
        {
            EvmLegacyFees legacy => "legacy:" + Decimal(legacy.GasPrice),
            EvmEip1559Fees eip1559 => $"eip1559:{Decimal(eip1559.MaxFeePerGas)}:"
                + Decimal(eip1559.MaxPriorityFeePerGas),
            _ => throw new ArgumentException("Unknown fee style.", nameof(request)),
        };
        string[] lines =
        [
            Version,
            txId,
            decision == ApprovalDecision.Approve ? "approve" : "reject",
            Decimal(request.ChainId),
            request.From.ToString().ToLowerInvariant(),
            request.To.ToString().ToLowerInvariant(),
            Decimal(request.Value),
            Decimal(request.GasLimit),
            fees,
            EvmHexData.ToHex(request.Data.AsSpan()).ToLowerInvariant(),
        ];
        return string.Join('\n', lines);
    }

    /// <summary>The 32-byte digest an approver signs.</summary>
    public static byte[] Compute(string txId, ApprovalDecision decision, EvmTransactionRequest request) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(Text(txId, decision, request)));

    private static string Decimal(System.Numerics.BigInteger value) =>
        value.ToString(CultureInfo.InvariantCulture);
}
