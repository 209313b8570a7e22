using Qapi.Core.Evm;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>Rebuilds the validated request from a stored transaction (for digests and signing).</summary>
public static class StoredRequest
{
    public static EvmTransactionRequest Of(Web3Transaction tx)
    {
        var result = EvmTransactionRequestParser.Parse(new EvmTransactionFields
        {
            From = tx.From,
            To = tx.To,
            Value = tx.Value,
            GasLimit = tx.GasLimit,
            GasPrice = tx.GasPrice,
            MaxFeePerGas = tx.MaxFeePerGas,
            MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
            Data = tx.Data,
            ChainId = tx.ChainId,
            Nonce = tx.RequestedNonce,
        });
        return result.Request
            ?? throw new InvalidOperationException($"Stored transaction {tx.Id} no longer parses.");
    }
}
