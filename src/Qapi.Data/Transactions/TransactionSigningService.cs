using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Core.Transactions;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Data.Transactions;

/// <summary>
/// Signs an approved transaction exactly once: the move from pending to authorized is a conditional update that
/// only one caller can win; the nonce is taken from the address's counter in the same database transaction, so
/// concurrent signings never share one and nothing unsigned ever consumes one.
/// </summary>
public sealed class TransactionSigningService(
    QapiDbContext db,
    SeedVault seeds,
    CompiledQueries queries)
{
    /// <summary>
    /// Signs a transaction read while pending, in the caller's open database transaction (the caller holds the
    /// write gate, then saves and commits). <paramref name="tx"/>, an untracked copy, becomes the signed
    /// transaction. Returns the approved event, or null, changing nothing, if the transaction is no longer pending.
    /// </summary>
    public async Task<TransactionEvent?> SignInTransactionAsync(
        Web3Transaction tx, long now, CancellationToken cancellationToken)
    {
        var won = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Web3Transactions" SET "Status" = {TransactionStatus.Authorized}, "AuthorizedAt" = {now}
            WHERE "Id" = {tx.Id} AND "Status" = {TransactionStatus.Pending}
            """,
            cancellationToken);
        if (won == 0)
        {
            return null;
        }

        // Only status fields change on a pending transaction, and the update above just moved it from pending:
        // the copy is the row as it stands, so it is attached rather than read again.
        db.Web3Transactions.Attach(tx);
        tx.Status = TransactionStatus.Authorized;
        tx.AuthorizedAt = now;
        var wallet = await queries.WalletAsync(db, tx.WalletId, cancellationToken)
            ?? throw new InvalidOperationException($"Transaction {tx.Id} has no wallet {tx.WalletId}.");
        TransactionEvents.Add(db, tx, TransactionStatus.Authorized, "Approval threshold met", now);

        var request = StoredRequest.Of(tx);
        var nonce = request.Nonce ?? await NextNonceAsync(tx.From, tx.ChainId, cancellationToken);
        var signed = Sign(request.ToTransaction(nonce), wallet);

        tx.Nonce = nonce.ToString(CultureInfo.InvariantCulture);
        tx.RawTx = signed.RawTransactionHex;
        tx.SignedTx = signed.SignedTransactionHex;
        tx.TxHash = signed.TransactionHashHex;
        tx.Status = TransactionStatus.Approved;
        tx.ApprovedAt = now;
        var approved = TransactionEvents.Add(db, tx, TransactionStatus.Approved,
            $"Signed with nonce {tx.Nonce}; ready to broadcast", now);
        RecordOutflow(tx, wallet, now);
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Wallets" SET "PendingOut" = "PendingOut" - {tx.ReservedAmount},
                "Available" = "Available" - {tx.ReservedAmount}
            WHERE "Id" = {wallet.Id}
            """,
            cancellationToken);
        return approved;
    }

    private EvmSignedTransaction Sign(EvmTransaction transaction, Wallet wallet)
    {
        var key = seeds.OpenWalletKey(wallet.Id, wallet.EncryptedKey);
        try
        {
            return EvmTransactionSigner.Sign(transaction, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private async Task<BigInteger> NextNonceAsync(string address, string chainId, CancellationToken cancellationToken)
    {
        var key = address.ToLowerInvariant();
        // One statement for both a first and a later nonce; both SQL dialects (SQLite 3.35+, PostgreSQL) take
        // ON CONFLICT ... DO UPDATE and RETURNING, and the update locks the row until the transaction ends.
        var next = await db.Database.SqlQuery<long>(
                $"""
                INSERT INTO "NonceCounters" ("Address", "ChainId", "Next") VALUES ({key}, {chainId}, 1)
                ON CONFLICT ("Address", "ChainId") DO UPDATE SET "Next" = "NonceCounters"."Next" + 1
                RETURNING "Next" AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return next.Count == 1
            ? next[0] - 1
            : throw QapiError.Conflict("nonce_unavailable", "The nonce counter could not be advanced.");
    }

    // The fee is recorded at its cap, what was reserved: the gas a node actually charges is known only once mined.
    private void RecordOutflow(Web3Transaction tx, Wallet wallet, long now)
    {
        var (value, maxFee) = Reservation.Of(tx, wallet.Asset);
        db.LedgerEntries.Add(new LedgerEntry
        {
            TxId = tx.Id,
            ChainTxId = tx.TxHash,
            WalletId = wallet.Id,
            FundId = wallet.FundId,
            AccountId = wallet.AccountId,
            Type = TxType.ExternalSign,
            Asset = wallet.Asset,
            Amount = -value,
            Fees = maxFee,
            NetAmount = -tx.ReservedAmount,
            Status = TransactionStatus.Approved,
            Address = tx.To,
            Reference = tx.Note,
            Timestamp = now,
        });
    }
}
