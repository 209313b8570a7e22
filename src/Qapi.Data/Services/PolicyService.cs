using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>
/// Changes funds' policies and wallets' own overrides of them. A Web3 transaction copies its policy's threshold
/// and approvers when it is created, so a change here governs transactions proposed afterwards; those already
/// pending are still decided by the policy they were created under.
/// </summary>
public sealed class PolicyService(QapiDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Replaces the threshold and members of the fund's policy of that kind.</summary>
    public async Task<Policy> SetFundPolicyAsync(
        Fund fund, PolicyKind kind, int threshold, IReadOnlyCollection<string> memberIds,
        CancellationToken cancellationToken)
    {
        await PolicyRules.RequireSatisfiableAsync(db, fund.AccountId, memberIds, threshold, cancellationToken);
        var policyId = kind == PolicyKind.Transaction ? fund.TxPolicyId : fund.WithdrawPolicyId;
        var policy = await db.Policies.Include(p => p.Members).SingleAsync(p => p.Id == policyId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Replace(policy, threshold, memberIds);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("fund.policy.set", fund.AccountId, fund.Id, Detail(policy), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return policy;
    }

    /// <summary>Gives the wallet its own policy of that kind, or replaces the one it has.</summary>
    public async Task<Policy> SetWalletPolicyAsync(
        Wallet wallet, PolicyKind kind, int threshold, IReadOnlyCollection<string> memberIds,
        CancellationToken cancellationToken)
    {
        await PolicyRules.RequireSatisfiableAsync(db, wallet.AccountId, memberIds, threshold, cancellationToken);
        var ownId = OwnPolicyId(wallet, kind);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var policy = ownId is null
            ? NewWalletPolicy(wallet, kind)
            : await db.Policies.Include(p => p.Members).SingleAsync(p => p.Id == ownId, cancellationToken);
        Replace(policy, threshold, memberIds);
        if (ownId is null)
        {
            // The policy row first, then the wallet pointing at it.
            await db.SaveChangesAsync(cancellationToken);
            SetOwnPolicyId(wallet, kind, policy.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("wallet.policy.set", wallet.AccountId, wallet.Id, Detail(policy),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return policy;
    }

    /// <summary>
    /// Drops the wallet's own policy of that kind, so the fund's governs it again. False when it had none.
    /// </summary>
    public async Task<bool> ClearWalletPolicyAsync(
        Wallet wallet, PolicyKind kind, CancellationToken cancellationToken)
    {
        if (OwnPolicyId(wallet, kind) is not { } ownId)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        SetOwnPolicyId(wallet, kind, null);
        await db.SaveChangesAsync(cancellationToken);

        // Pending transactions keep their own copy of threshold and approvers, so the row may go unless some
        // other wallet or fund still points at it.
        var shared = await db.Wallets.AnyAsync(w => w.TxPolicyId == ownId || w.WithdrawPolicyId == ownId,
                cancellationToken)
            || await db.Funds.AnyAsync(f => f.TxPolicyId == ownId || f.WithdrawPolicyId == ownId, cancellationToken);
        if (!shared)
        {
            await db.Policies.Where(p => p.Id == ownId).ExecuteDeleteAsync(cancellationToken);
        }

        await audit.AppendAsync("wallet.policy.clear", wallet.AccountId, wallet.Id,
            new { kind = KindName(kind), policyId = ownId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The wire name of a policy kind.</summary>
    public static string KindName(PolicyKind kind) => kind == PolicyKind.Transaction ? "transaction" : "withdrawal";

    /// <summary>The kind a wire name stands for, or null.</summary>
    public static PolicyKind? ParseKind(string text) => text switch
    {
        "transaction" => PolicyKind.Transaction,
        "withdrawal" => PolicyKind.Withdrawal,
        _ => null,
    };

    private Policy NewWalletPolicy(Wallet wallet, PolicyKind kind)
    {
        var policy = new Policy
        {
            Id = QapiId.New(),
            AccountId = wallet.AccountId,
            Name = $"{wallet.Name} {(kind == PolicyKind.Transaction ? "transactions" : "withdrawals")}",
            Kind = kind,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        db.Policies.Add(policy);
        return policy;
    }

    private void Replace(Policy policy, int threshold, IReadOnlyCollection<string> memberIds)
    {
        var wanted = memberIds.Distinct().ToList();
        var gone = policy.Members.Where(m => !wanted.Contains(m.MemberId)).ToList();
        db.PolicyMembers.RemoveRange(gone);
        foreach (var member in gone)
        {
            policy.Members.Remove(member);
        }

        foreach (var id in wanted.Where(id => policy.Members.All(m => m.MemberId != id)))
        {
            policy.Members.Add(new PolicyMember { PolicyId = policy.Id, MemberId = id });
        }

        policy.Threshold = threshold;
    }

    private static string? OwnPolicyId(Wallet wallet, PolicyKind kind) =>
        kind == PolicyKind.Transaction ? wallet.TxPolicyId : wallet.WithdrawPolicyId;

    private static void SetOwnPolicyId(Wallet wallet, PolicyKind kind, string? policyId)
    {
        if (kind == PolicyKind.Transaction)
        {
            wallet.TxPolicyId = policyId;
        }
        else
        {
            wallet.WithdrawPolicyId = policyId;
        }
    }

    private static object Detail(Policy policy) => new
    {
        kind = KindName(policy.Kind),
        policyId = policy.Id,
        threshold = policy.Threshold,
        members = policy.Members.Select(m => m.MemberId).Order(StringComparer.Ordinal).ToList(),
    };
}
