using Microsoft.Extensions.Logging;

namespace Qapi.Data.Broadcast;

/// <summary>
/// Broadcast log messages (event ids 2200-2299): transaction ids and hashes only, never signed bytes or URLs.
/// </summary>
internal static partial class BroadcastLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "Pushed transaction {TxId} ({TxHash}) to chain {ChainId}")]
    public static partial void Pushed(ILogger logger, string txId, string txHash, string chainId);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Transaction {TxId} ({TxHash}) mined in block {BlockNumber}")]
    public static partial void Mined(ILogger logger, string txId, string txHash, long blockNumber);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "Transaction {TxId} ({TxHash}) confirmed after {Confirmations} blocks")]
    public static partial void Confirmed(ILogger logger, string txId, string txHash, long confirmations);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "Transaction {TxId} ({TxHash}) reverted in block {BlockNumber}")]
    public static partial void Reverted(ILogger logger, string txId, string txHash, long blockNumber);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning,
        Message = "RPC failure {Attempts} for transaction {TxId} ({TxHash}), next try in {DelaySeconds} s: {Cause}")]
    public static partial void RpcFailed(
        ILogger logger, string txId, string txHash, int attempts, double delaySeconds, string cause);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information,
        Message = "Resent transaction {TxId} ({TxHash}): the node no longer knew it")]
    public static partial void Resent(ILogger logger, string txId, string txHash);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information,
        Message = "Transaction {TxId} failed: {ConfirmedTxId}, confirmed, took its nonce")]
    public static partial void Replaced(ILogger logger, string txId, string confirmedTxId);
}
