using Microsoft.EntityFrameworkCore;
using Qapi.Core.Approvals;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;

namespace Qapi.Data;

/// <summary>
/// The reads that every Web3 request makes, compiled once. A LINQ query otherwise costs, on every call, building
/// its expression tree, rewriting it and hashing it to find the cached plan: a fifth of the server's CPU on the full
/// approval flow (bench/README.md). A singleton per host: a compiled query belongs to the model it first runs on,
/// so it is an instance field, not a static one shared by every host in the process.
/// </summary>
public sealed class CompiledQueries
{
    private readonly Func<QapiDbContext, string, CancellationToken, Task<bool>> _replayRecordExists =
        EF.CompileAsyncQuery((QapiDbContext db, string hash, CancellationToken ct) =>
            db.UsedSignatures.Any(s => s.Hash == hash));

    private readonly Func<QapiDbContext, string, CancellationToken, Task<ApproverKey?>> _approverKey =
        EF.CompileAsyncQuery((QapiDbContext db, string id, CancellationToken ct) =>
            db.ApproverKeys.AsNoTracking().FirstOrDefault(k => k.Id == id));

    private readonly Func<QapiDbContext, string, CancellationToken, Task<ApproverKey?>> _activeApproverKey =
        EF.CompileAsyncQuery((QapiDbContext db, string memberId, CancellationToken ct) =>
            db.ApproverKeys.AsNoTracking()
                .Where(k => k.MemberId == memberId && k.RevokedAt == null)
                .OrderByDescending(k => k.CreatedAt)
                .FirstOrDefault());

    private readonly Func<QapiDbContext, string, CancellationToken, Task<Web3Transaction?>> _transaction =
        EF.CompileAsyncQuery((QapiDbContext db, string id, CancellationToken ct) =>
            db.Web3Transactions.AsNoTracking().FirstOrDefault(t => t.Id == id));

    private readonly Func<QapiDbContext, string, IAsyncEnumerable<MemberDecision>> _decisions =
        EF.CompileAsyncQuery((QapiDbContext db, string txId) =>
            from a in db.Approvals.AsNoTracking()
            where a.TxId == txId
            from k in db.ApproverKeys.Where(k => k.Id == a.ApproverKeyId).DefaultIfEmpty()
            select new MemberDecision(a.MemberId, a.Decision, a.Signature, k == null ? null : k.PublicKey));

    private readonly Func<QapiDbContext, string, CancellationToken, Task<Wallet?>> _wallet =
        EF.CompileAsyncQuery((QapiDbContext db, string id, CancellationToken ct) =>
            db.Wallets.AsNoTracking().FirstOrDefault(w => w.Id == id));

    private readonly Func<QapiDbContext, string, IAsyncEnumerable<Wallet>> _web3Wallets =
        EF.CompileAsyncQuery((QapiDbContext db, string accountId) =>
            db.Wallets.AsNoTracking().Where(w => w.AccountId == accountId && w.Type == WalletType.External));

    private readonly Func<QapiDbContext, string, IAsyncEnumerable<string>> _allowlist =
        EF.CompileAsyncQuery((QapiDbContext db, string walletId) =>
            db.AllowlistEntries.AsNoTracking().Where(e => e.WalletId == walletId).Select(e => e.Address));

    private readonly Func<QapiDbContext, string, CancellationToken, Task<string?>> _fundPolicyId =
        EF.CompileAsyncQuery((QapiDbContext db, string fundId, CancellationToken ct) =>
            db.Funds.AsNoTracking().Where(f => f.Id == fundId).Select(f => f.TxPolicyId).FirstOrDefault());

    private readonly Func<QapiDbContext, string, CancellationToken, Task<Policy?>> _policyWithMembers =
        EF.CompileAsyncQuery((QapiDbContext db, string id, CancellationToken ct) =>
            db.Policies.AsNoTracking().Include(p => p.Members).FirstOrDefault(p => p.Id == id));

    /// <summary>Whether a replay record of this signature hash exists.</summary>
    public Task<bool> ReplayRecordExistsAsync(
        QapiDbContext db, string hash, CancellationToken cancellationToken) =>
        _replayRecordExists(db, hash, cancellationToken);

    /// <summary>An approver key by its id, revoked or not.</summary>
    public Task<ApproverKey?> ApproverKeyAsync(
        QapiDbContext db, string id, CancellationToken cancellationToken) =>
        _approverKey(db, id, cancellationToken);

    /// <summary>The member's newest key that is not revoked: the one its decisions are checked against.</summary>
    public Task<ApproverKey?> ActiveApproverKeyAsync(
        QapiDbContext db, string memberId, CancellationToken cancellationToken) =>
        _activeApproverKey(db, memberId, cancellationToken);

    /// <summary>A Web3 transaction by its id, untracked.</summary>
    public Task<Web3Transaction?> TransactionAsync(
        QapiDbContext db, string id, CancellationToken cancellationToken) =>
        _transaction(db, id, cancellationToken);

    /// <summary>Who decided what on a transaction so far.</summary>
    public Task<List<MemberDecision>> DecisionsAsync(
        QapiDbContext db, string txId, CancellationToken cancellationToken) =>
        _decisions(db, txId).ToListAsync(cancellationToken).AsTask();

    /// <summary>A wallet by its id, untracked.</summary>
    public Task<Wallet?> WalletAsync(QapiDbContext db, string id, CancellationToken cancellationToken) =>
        _wallet(db, id, cancellationToken);

    /// <summary>The Web3 API wallets of an account.</summary>
    public Task<List<Wallet>> Web3WalletsAsync(
        QapiDbContext db, string accountId, CancellationToken cancellationToken) =>
        _web3Wallets(db, accountId).ToListAsync(cancellationToken).AsTask();

    /// <summary>A wallet's destination allowlist (lower-case addresses); empty when it has none.</summary>
    public Task<List<string>> AllowlistAsync(QapiDbContext db, string walletId, CancellationToken cancellationToken) =>
        _allowlist(db, walletId).ToListAsync(cancellationToken).AsTask();

    /// <summary>The transaction policy a fund gives its wallets, or null for an unknown fund.</summary>
    public Task<string?> FundPolicyIdAsync(QapiDbContext db, string fundId, CancellationToken cancellationToken) =>
        _fundPolicyId(db, fundId, cancellationToken);

    /// <summary>A policy and its members, untracked.</summary>
    public Task<Policy?> PolicyWithMembersAsync(QapiDbContext db, string id, CancellationToken cancellationToken) =>
        _policyWithMembers(db, id, cancellationToken);
}

/// <summary>
/// One approver's decision on a transaction, its signature and the public key it was verified against (null for a
/// decision recorded before approvals named their key).
/// </summary>
public sealed record MemberDecision(string MemberId, ApprovalDecision Decision, string Signature, string? PublicKey);
