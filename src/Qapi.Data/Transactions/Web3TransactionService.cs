using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Core.Protocol;
using Qapi.Core.Transactions;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// Accepts Web3 transactions: validates them, checks the wallet, scope, chain and allowlist, reserves the
/// outflow and records the transaction as pending the approvals its wallet's policy demands.
/// Every refusal happens before anything is written.
/// </summary>
public sealed class Web3TransactionService(
    QapiDbContext db,
    IOptions<Web3Options> options,
    ITransactionNotifier notifier,
    StoreWriteGate writeGate,
    ReplayRecord replay,
    CompiledQueries queries,
    TimeProvider clock)
{
    private const int MaxNoteLength = 1000;

    /// <summary>
    /// Creates a transaction, or returns the one an earlier request with the same idempotency key created.
    /// </summary>
    public async Task<CreatedTransaction> CreateAsync(
        TransactionRequester requester,
        EvmTransactionFields fields,
        string? note,
        string? idempotencyKey,
        ReadOnlyMemory<byte> requestBody,
        CancellationToken cancellationToken)
    {
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(requestBody.Span));
        if (idempotencyKey is not null)
        {
            var earlier = await FindIdempotentAsync(requester.KeyId, idempotencyKey, requestHash, cancellationToken);
            if (earlier is not null)
            {
                return new CreatedTransaction(earlier, null);
            }
        }

        var parsed = EvmTransactionRequestParser.Parse(fields);
        if (!parsed.IsValid)
        {
            var first = parsed.Errors[0];
            throw QapiError.Invalid("invalid_" + first.Field, string.Join("; ", parsed.Errors));
        }

        var request = parsed.Request!;
        if (note is { Length: > MaxNoteLength })
        {
            throw QapiError.Invalid("invalid_note", $"note must be at most {MaxNoteLength} characters.");
        }

        var wallet = await WalletForAsync(requester, request, cancellationToken);
        await RequireReplaceableNonceAsync(wallet, request, cancellationToken);
        await RequireAllowedDestinationAsync(wallet, request.To, cancellationToken);
        var policyId = wallet.TxPolicyId ?? await queries.FundPolicyIdAsync(db, wallet.FundId, cancellationToken)
            ?? throw new InvalidOperationException($"Wallet {wallet.Id} has no transaction policy.");
        var policy = await queries.PolicyWithMembersAsync(db, policyId, cancellationToken)
            ?? throw new InvalidOperationException($"Policy {policyId} of wallet {wallet.Id} is missing.");

        var now = clock.GetUtcNow();
        var reserved = Reservation.Of(request, wallet.Asset);
        var tx = new Web3Transaction
        {
            Id = QapiId.New(),
            AccountId = requester.AccountId,
            WalletId = wallet.Id,
            CreatedBy = requester.KeyId,
            ChainId = request.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            From = wallet.Address,
            To = request.To.ToString(),
            Value = Decimal(request.Value),
            GasLimit = Decimal(request.GasLimit),
            GasPrice = request.Fees is EvmLegacyFees legacy ? Decimal(legacy.GasPrice) : null,
            MaxFeePerGas = request.Fees is EvmEip1559Fees fee ? Decimal(fee.MaxFeePerGas) : null,
            MaxPriorityFeePerGas = request.Fees is EvmEip1559Fees tip ? Decimal(tip.MaxPriorityFeePerGas) : null,
            Data = EvmHexData.ToHex(request.Data.AsSpan()),
            Note = note ?? "",
            RequestedNonce = request.Nonce is { } nonce ? Decimal(nonce) : null,
            Status = TransactionStatus.Pending,
            PolicyId = policy.Id,
            Threshold = policy.Threshold,
            ApproverIds = string.Join(' ', policy.Members.Select(m => m.MemberId).Order(StringComparer.Ordinal)),
            ReservedAmount = reserved.Value + reserved.MaxFee,
            CreatedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + options.Value.ApprovalWindow).ToUnixTimeSeconds(),
        };

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await replay.WriteAsync(db, cancellationToken);
        db.Web3Transactions.Add(tx);
        if (idempotencyKey is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                KeyId = requester.KeyId,
                IdempotencyKey = idempotencyKey,
                RequestHash = requestHash,
                TxId = tx.Id,
                CreatedAt = tx.CreatedAt,
            });
        }

        var created = TransactionEvents.Add(db, tx, TransactionStatus.Created, "Transaction created", tx.CreatedAt);
        var pending = TransactionEvents.Add(db, tx, TransactionStatus.Pending,
            $"Waiting for {policy.Threshold} of {policy.Members.Count} approvals", tx.CreatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent request with the same key won the race; answer with what it created.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await FindIdempotentAsync(requester.KeyId, idempotencyKey, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency record vanished during a race.");
            return new CreatedTransaction(winner, null);
        }

        // Reserve only what is spendable (settled balance less what other pending transactions hold), in the same
        // statement that checks it, so concurrent requests cannot overdraw the wallet together.
        var reservation = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Wallets" SET "PendingOut" = "PendingOut" + {tx.ReservedAmount}
            WHERE "Id" = {wallet.Id} AND "Available" - "PendingOut" >= {tx.ReservedAmount}
            """,
            cancellationToken);
        if (reservation == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            throw QapiError.Invalid("insufficient_funds",
                $"The wallet's spendable {wallet.Asset} balance is below the value of this transaction and the most "
                + "its gas can cost (gasLimit at gasPrice or maxFeePerGas).");
        }

        await transaction.CommitAsync(cancellationToken);
        replay.Committed();
        notifier.EventsCommitted(pending.Id);
        return new CreatedTransaction(tx, [created, pending]);
    }

    /// <summary>Cancels a pending transaction; only the API key that created it may.</summary>
    public async Task<Web3Transaction> CancelAsync(
        TransactionRequester requester, string txId, CancellationToken cancellationToken)
    {
        var tx = await TransactionAccess.FindAsync(db, requester, txId, cancellationToken);
        if (tx.CreatedBy != requester.KeyId)
        {
            throw QapiError.Forbidden("not_creator", "Only the API key that created a transaction can cancel it.");
        }

        var ended = await TransactionEnding.EndAsync(db, tx, TransactionStatus.Cancelled,
            $"Cancelled by its creator, API key {requester.KeyId}", clock.GetUtcNow().ToUnixTimeSeconds(),
            cancellationToken);
        if (ended is null)
        {
            throw QapiError.Conflict("transaction_decided",
                $"The transaction is {tx.Status}; only a pending transaction can be cancelled.");
        }

        notifier.EventsCommitted(ended.Value);
        return await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == txId, cancellationToken);
    }

    private async Task RequireReplaceableNonceAsync(
        Wallet wallet, EvmTransactionRequest request, CancellationToken cancellationToken)
    {
        if (request.Nonce is not { } nonce)
        {
            return;
        }

        // An explicit nonce replaces a transaction already signed (one stuck in a mempool). A nonce at or above the
        // counter would collide with the next automatically assigned one, so two live transactions would share it.
        var address = wallet.Address.ToLowerInvariant();
        var chainId = request.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = await db.NonceCounters.AsNoTracking()
            .Where(n => n.Address == address && n.ChainId == chainId)
            .Select(n => (long?)n.Next).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (nonce >= next)
        {
            throw QapiError.Invalid("nonce_not_replaceable",
                $"An explicit nonce replaces a signed transaction, so it must be below {next}, the next nonce of "
                + "this wallet on this chain.");
        }

        // One that a chain already took cannot be replaced: the replacement could never be mined.
        var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var taken = await db.Web3Transactions.AsNoTracking().AnyAsync(t => t.WalletId == wallet.Id
            && t.ChainId == chainId && t.Nonce == text
            && (t.Status == TransactionStatus.Mined || t.Status == TransactionStatus.Confirmed), cancellationToken);
        if (taken)
        {
            throw QapiError.Invalid("nonce_not_replaceable",
                $"Nonce {text} of this wallet on this chain is mined already; a replacement could never be mined.");
        }
    }

    private async Task<Web3Transaction?> FindIdempotentAsync(
        string keyId, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.KeyId == keyId && r.IdempotencyKey == idempotencyKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            throw QapiError.Conflict("idempotency_key_reused",
                "This Idempotency-Key was used with a different request body.");
        }

        return await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == record.TxId, cancellationToken);
    }

    private async Task<Wallet> WalletForAsync(
        TransactionRequester requester, EvmTransactionRequest request, CancellationToken cancellationToken)
    {
        var from = request.From.ToString();
        var candidates = await queries.Web3WalletsAsync(db, requester.AccountId, cancellationToken);
        var wallet = candidates.FirstOrDefault(w => string.Equals(w.Address, from, StringComparison.OrdinalIgnoreCase))
            ?? throw QapiError.NotFound("wallet_not_found", $"No Web3 API wallet with address {from} in this account.");
        if (!requester.Covers(wallet.Id))
        {
            throw QapiError.Forbidden("outside_key_scope", "The API key's wallet scope does not cover this wallet.");
        }

        if (wallet.Status != "ready")
        {
            throw QapiError.Invalid("wallet_not_ready", $"The wallet is {wallet.Status}.");
        }

        if (options.Value.Sandbox && !ChainCatalog.IsTestnet(request.ChainId))
        {
            throw QapiError.Forbidden("chain_not_allowed",
                $"The sandbox signs for testnet chains only; {ChainCatalog.NameOf(request.ChainId)} is not one.");
        }

        return wallet;
    }

    private async Task RequireAllowedDestinationAsync(
        Wallet wallet, EvmAddress to, CancellationToken cancellationToken)
    {
        var allowlist = await queries.AllowlistAsync(db, wallet.Id, cancellationToken);
        var destination = to.ToString().ToLowerInvariant();
        if (allowlist.Count > 0 && !allowlist.Contains(destination))
        {
            throw QapiError.Forbidden("destination_not_allowed",
                $"{to} is not on this wallet's destination allowlist.");
        }
    }

    private static string Decimal(System.Numerics.BigInteger value) =>
        value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
