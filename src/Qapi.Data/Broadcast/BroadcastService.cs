using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qapi.Core.Transactions;
using Qapi.Data.Entities;
using Qapi.Data.Transactions;

namespace Qapi.Data.Broadcast;

/// <summary>
/// Takes signed transactions of one chain to its RPC endpoint and follows them: approved, pushed, mined, then
/// confirmed (or failed when the receipt says it reverted). An RPC failure changes no status and loses nothing:
/// it becomes an event, and the transaction is tried again later with backoff.
/// </summary>
public sealed class BroadcastService(
    QapiDbContext db,
    EthereumRpcClient rpc,
    BroadcastRetries retries,
    IOptions<BroadcastOptions> options,
    ITransactionNotifier notifier,
    GroupCommit groupCommit,
    TimeProvider clock,
    ILogger<BroadcastService> logger)
{
    /// <summary>The most transactions of one status one pass takes up.</summary>
    internal const int BatchSize = 200;

    /// <summary>One pass over the chain: pushes what is approved, then follows what is pushed or mined.</summary>
    public async Task RunAsync(string chainId, Uri endpoint, CancellationToken cancellationToken)
    {
        var approved = await DueAsync(chainId, [TransactionStatus.Approved], cancellationToken);
        var following = await DueAsync(chainId, [TransactionStatus.Pushed, TransactionStatus.Mined],
            cancellationToken);
        if (approved.Count == 0 && following.Count == 0)
        {
            return;
        }

        BigInteger head;
        try
        {
            await RequireChainAsync(chainId, endpoint, cancellationToken);
            head = await rpc.BlockNumberAsync(endpoint, cancellationToken);
        }
        catch (RpcException e)
        {
            foreach (var tx in approved.Concat(following))
            {
                await FailAsync(tx, e.Message, cancellationToken);
            }

            return;
        }

        // A signing that is not on disk yet could be lost with its nonce, which would then be issued again.
        await groupCommit.WaitAsync();

        // Lower nonces first: a node holds a transaction whose predecessor it has not seen yet, but not forever.
        foreach (var tx in approved.OrderBy(t => t.From, StringComparer.OrdinalIgnoreCase).ThenBy(NonceOf))
        {
            await PushAsync(tx, endpoint, cancellationToken);
        }

        foreach (var tx in following)
        {
            await FollowAsync(tx, endpoint, head, cancellationToken);
        }
    }

    /// <summary>
    /// Up to <see cref="BatchSize"/> transactions in these statuses that may be tried now, oldest approval first.
    /// Those waiting out a backoff are paged past, not counted: however many a node keeps refusing, the ones
    /// behind them are still found.
    /// </summary>
    private async Task<List<Web3Transaction>> DueAsync(
        string chainId, string[] statuses, CancellationToken cancellationToken)
    {
        var due = new List<Web3Transaction>();
        var (afterApprovedAt, afterId) = (long.MinValue, "");
        while (due.Count < BatchSize)
        {
            var page = await db.Web3Transactions.AsNoTracking()
                .Where(t => t.ChainId == chainId && statuses.Contains(t.Status))
                .Where(t => (t.ApprovedAt ?? 0) > afterApprovedAt
                    || ((t.ApprovedAt ?? 0) == afterApprovedAt && string.Compare(t.Id, afterId) > 0))
                .OrderBy(t => t.ApprovedAt ?? 0).ThenBy(t => t.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            due.AddRange(page.Where(t => retries.IsDue(t.Id)).Take(BatchSize - due.Count));
            if (page.Count < BatchSize)
            {
                break;
            }

            (afterApprovedAt, afterId) = (page[^1].ApprovedAt ?? 0, page[^1].Id);
        }

        return due;
    }

    private async Task RequireChainAsync(string chainId, Uri endpoint, CancellationToken cancellationToken)
    {
        var served = await rpc.ChainIdAsync(endpoint, cancellationToken);
        if (served.ToString(CultureInfo.InvariantCulture) != chainId)
        {
            throw new RpcException($"the endpoint configured for chain {chainId} serves chain {served}", false);
        }
    }

    private async Task PushAsync(Web3Transaction tx, Uri endpoint, CancellationToken cancellationToken)
    {
        string message;
        try
        {
            var hash = await rpc.SendRawTransactionAsync(endpoint, tx.SignedTx, cancellationToken);
            if (!string.Equals(hash, tx.TxHash, StringComparison.OrdinalIgnoreCase))
            {
                await FailAsync(tx, $"the node reports hash {hash} for it, not {tx.TxHash}", cancellationToken);
                return;
            }

            message = "Sent to the chain's RPC endpoint";
        }
        catch (RpcException e) when (e.IsNodeAnswer)
        {
            // A node refuses a transaction it already holds, and one whose nonce is used: perhaps by this very
            // transaction, mined after an earlier push whose status change was lost. Asking by hash tells.
            if (!IsAlreadyKnown(e) && !await KnowsAsync(tx, endpoint, cancellationToken))
            {
                await FailAsync(tx, "the node refused it: " + e.Message, cancellationToken);
                return;
            }

            message = "The chain's RPC endpoint already had it";
        }
        catch (RpcException e)
        {
            await FailAsync(tx, e.Message, cancellationToken);
            return;
        }

        retries.Succeeded(tx.Id);
        if (await MoveAsync(tx, TransactionStatus.Approved, TransactionStatus.Pushed, message, cancellationToken))
        {
            BroadcastLog.Pushed(logger, tx.Id, tx.TxHash, tx.ChainId);
        }
    }

    private async Task FollowAsync(
        Web3Transaction tx, Uri endpoint, BigInteger head, CancellationToken cancellationToken)
    {
        RpcReceipt? receipt;
        try
        {
            receipt = await rpc.GetTransactionReceiptAsync(endpoint, tx.TxHash, cancellationToken);
            if (receipt is null)
            {
                await AwaitInclusionAsync(tx, endpoint, cancellationToken);
                return;
            }
        }
        catch (RpcException e)
        {
            await FailAsync(tx, e.Message, cancellationToken);
            return;
        }

        retries.Succeeded(tx.Id);
        var block = receipt.BlockNumber;
        if (!receipt.Succeeded)
        {
            if (await MoveAsync(tx, tx.Status, TransactionStatus.Failed,
                    $"Reverted in block {block} (receipt status 0): no value moved, gas was spent", receipt.FeeWei,
                    cancellationToken))
            {
                BroadcastLog.Reverted(logger, tx.Id, tx.TxHash, (long)block);
            }

            return;
        }

        if (tx.Status == TransactionStatus.Pushed)
        {
            if (!await MoveAsync(tx, TransactionStatus.Pushed, TransactionStatus.Mined, $"Mined in block {block}",
                    cancellationToken))
            {
                return;
            }

            BroadcastLog.Mined(logger, tx.Id, tx.TxHash, (long)block);
        }

        var confirmations = BigInteger.Max(head, block) - block + 1;
        if (confirmations >= options.Value.Confirmations
            && await MoveAsync(tx, TransactionStatus.Mined, TransactionStatus.Confirmed,
                $"Confirmed: {confirmations} blocks from block {block}", receipt.FeeWei, cancellationToken))
        {
            BroadcastLog.Confirmed(logger, tx.Id, tx.TxHash, (long)confirmations);
            await EndReplacedAsync(tx, cancellationToken);
        }
    }

    /// <summary>
    /// Ends the other transactions signed with the nonce that <paramref name="confirmed"/> took (the one it replaced,
    /// or its replacement): none of them can be mined now, so each fails and gives back all it took, value and fee.
    /// </summary>
    private async Task EndReplacedAsync(Web3Transaction confirmed, CancellationToken cancellationToken)
    {
        var others = await db.Web3Transactions.AsNoTracking()
            .Where(t => t.Id != confirmed.Id && t.WalletId == confirmed.WalletId && t.ChainId == confirmed.ChainId
                && t.Nonce == confirmed.Nonce && (t.Status == TransactionStatus.Approved
                    || t.Status == TransactionStatus.Pushed || t.Status == TransactionStatus.Mined))
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            if (await MoveAsync(other, other.Status, TransactionStatus.Failed,
                    $"Transaction {confirmed.Id} took nonce {confirmed.Nonce} on this chain ({confirmed.TxHash}); "
                    + "this one can no longer be mined", BigInteger.Zero, cancellationToken))
            {
                BroadcastLog.Replaced(logger, other.Id, confirmed.Id);
            }
        }
    }

    private async Task AwaitInclusionAsync(Web3Transaction tx, Uri endpoint, CancellationToken cancellationToken)
    {
        if (tx.Status == TransactionStatus.Mined)
        {
            await MoveAsync(tx, TransactionStatus.Mined, TransactionStatus.Pushed,
                "Its block is no longer in the chain (a reorganization); waiting to be mined again",
                cancellationToken);
            return;
        }

        // Nodes drop pending transactions (a restart, a full pool); handing the same bytes over again is harmless.
        if (!await rpc.KnowsTransactionAsync(endpoint, tx.TxHash, cancellationToken))
        {
            try
            {
                await rpc.SendRawTransactionAsync(endpoint, tx.SignedTx, cancellationToken);
            }
            catch (RpcException e) when (e.IsNodeAnswer && IsAlreadyKnown(e))
            {
                // It reached the node after all.
            }

            BroadcastLog.Resent(logger, tx.Id, tx.TxHash);
        }

        retries.Succeeded(tx.Id);
    }

    private async Task<bool> KnowsAsync(Web3Transaction tx, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await rpc.KnowsTransactionAsync(endpoint, tx.TxHash, cancellationToken);
        }
        catch (RpcException)
        {
            return false;
        }
    }

    private Task<bool> MoveAsync(
        Web3Transaction tx, string from, string to, string message, CancellationToken cancellationToken) =>
        MoveAsync(tx, from, to, message, null, cancellationToken);

    private async Task<bool> MoveAsync(
        Web3Transaction tx, string from, string to, string message, BigInteger? feeWei,
        CancellationToken cancellationToken)
    {
        var eventId = await BroadcastTransitions.MoveAsync(db, tx, from, to, message, Now(), feeWei,
            cancellationToken);
        if (eventId is not { } id)
        {
            return false;
        }

        notifier.EventsCommitted(id);
        return true;
    }

    private async Task FailAsync(Web3Transaction tx, string cause, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (attempts, delay, isNewCause) = retries.Fail(tx.Id, cause, settings.PollInterval, settings.MaxRetryDelay);
        BroadcastLog.RpcFailed(logger, tx.Id, tx.TxHash, attempts, delay.TotalSeconds, cause);
        if (!isNewCause)
        {
            return;
        }

        var what = tx.Status == TransactionStatus.Approved ? "Broadcast failed" : "Following it on the chain failed";
        var eventId = await BroadcastTransitions.NoteAsync(db, tx, tx.Status,
            $"{what}: {cause}. The signed transaction is kept and will be tried again", Now(), cancellationToken);
        if (eventId is { } id)
        {
            notifier.EventsCommitted(id);
        }
    }

    private static bool IsAlreadyKnown(RpcException e) =>
        e.Message.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("known transaction", StringComparison.OrdinalIgnoreCase);

    private static BigInteger NonceOf(Web3Transaction tx) =>
        BigInteger.TryParse(tx.Nonce, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce) ? nonce : 0;

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();
}
