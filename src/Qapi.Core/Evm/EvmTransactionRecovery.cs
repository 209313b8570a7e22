using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Nethereum.Model;
using Nethereum.RLP;
using Qapi.Core.Evm.Internal;

namespace Qapi.Core.Evm;

/// <summary>
/// Finds who signed a serialized transaction, the check a node makes before it accepts one: used to prove that
/// a signed transaction recovers to the wallet it was signed for.
/// </summary>
public static class EvmTransactionRecovery
{
    /// <summary>
    /// Recovers the sender of a signed legacy (EIP-155 or pre-EIP-155) or EIP-1559 transaction. On failure
    /// <paramref name="reason"/> says why, completing a sentence that starts with "signedTx".
    /// </summary>
    public static bool TryRecoverSender(
        ReadOnlySpan<byte> signedTransaction,
        [NotNullWhen(true)] out EvmAddress? sender,
        [NotNullWhen(false)] out string? reason)
    {
        sender = null;
        if (!TryDecode(signedTransaction, out var decoded))
        {
            reason = "must be a well-formed legacy or EIP-1559 signed transaction";
            return false;
        }

        var signature = decoded.Signature;
        if (signature?.R is null || signature.S is null || signature.V is null
            || signature.R.Length > 32 || signature.S.Length > 32)
        {
            reason = "must carry a signature";
            return false;
        }

        var recoveryId = RecoveryId(decoded, signature.V.ToBigIntegerFromRLPDecoded());
        Span<byte> rs = stackalloc byte[Secp256k1Recoverable.SignatureLength];
        signature.R.CopyTo(rs[(32 - signature.R.Length)..32]);
        signature.S.CopyTo(rs[(64 - signature.S.Length)..]);

        sender = recoveryId is { } id ? Secp256k1Recoverable.TryRecoverAddress(decoded.RawHash, rs, id) : null;
        reason = sender is null ? "must carry a valid low-s signature" : null;
        return sender is not null;
    }

    /// <summary>Whether a signed transaction recovers to the expected sender.</summary>
    public static bool IsSignedBy(ReadOnlySpan<byte> signedTransaction, EvmAddress expectedSender)
    {
        ArgumentNullException.ThrowIfNull(expectedSender);
        return TryRecoverSender(signedTransaction, out var sender, out _) && sender.Equals(expectedSender);
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ISignedTransaction? decoded)
    {
        decoded = null;
        if (bytes.IsEmpty)
        {
            return false;
        }

        try
        {
            decoded = TransactionFactory.CreateTransaction(bytes.ToArray());
            return decoded is LegacyTransaction or LegacyTransactionChainId or Transaction1559;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nethereum's decoder reports malformed input with assorted exception types, plain Exception among
            // them, so nothing narrower catches them all.
            return false;
        }
    }

    // EIP-155: v = chainId * 2 + 35 + y for a protected legacy transaction, 27 + y before it; typed transactions
    // carry y itself.
    private static int? RecoveryId(ISignedTransaction decoded, BigInteger v)
    {
        BigInteger id = decoded switch
        {
            Transaction1559 => v,
            LegacyTransactionChainId chained => v - chained.GetChainIdAsBigInteger() * 2 - 35,
            _ => v - 27,
        };
        return id == 0 || id == 1 ? (int)id : null;
    }
}
