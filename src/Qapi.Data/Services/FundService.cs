using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Creates funds with their transaction and withdrawal policies.</summary>
public sealed class FundService(QapiDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Leaves room in the 200-character policy names derived from the fund's name.</summary>
    public const int MaxNameLength = 180;

    public const int MaxDescriptionLength = 2000;

    /// <summary>
    /// Creates a fund whose two policies name the given approvers with a threshold. Approvers must be the
    /// account's owner, its members (for an organization) or its trusted parties (for a person).
    /// </summary>
    public async Task<Fund> CreateAsync(
        string accountId,
        string name,
        string description,
        IReadOnlyCollection<string> approverIds,
        int threshold,
        CancellationToken cancellationToken)
    {
        name = FieldRules.Required(name, "name", MaxNameLength);
        description = FieldRules.Bounded(description, "description", MaxDescriptionLength);
        await PolicyRules.RequireSatisfiableAsync(db, accountId, approverIds, threshold, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var txPolicy = NewPolicy(accountId, $"{name} transactions", PolicyKind.Transaction, approverIds, threshold);
        var withdrawPolicy = NewPolicy(accountId, $"{name} withdrawals", PolicyKind.Withdrawal, approverIds, threshold);
        db.Policies.AddRange(txPolicy, withdrawPolicy);
        var fund = new Fund
        {
            Id = QapiId.New(),
            AccountId = accountId,
            Name = name,
            Description = description,
            TxPolicyId = txPolicy.Id,
            WithdrawPolicyId = withdrawPolicy.Id,
            CreatedAt = now,
        };
        db.Funds.Add(fund);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("fund.create", accountId, fund.Id,
            new { name, threshold, approvers = approverIds.Distinct().ToList() }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fund;

        Policy NewPolicy(string account, string policyName, PolicyKind kind, IEnumerable<string> ids, int min)
        {
            var id = QapiId.New();
            return new Policy
            {
                Id = id,
                AccountId = account,
                Name = policyName,
                Kind = kind,
                Threshold = min,
                Members = ids.Distinct().Select(m => new PolicyMember { PolicyId = id, MemberId = m }).ToList(),
                CreatedAt = now,
            };
        }
    }

    /// <summary>Renames or re-describes a fund (tracked by this context); null leaves a field as it is.</summary>
    public async Task<Fund> UpdateAsync(
        Fund fund, string? name, string? description, CancellationToken cancellationToken)
    {
        var newName = name is null ? fund.Name : FieldRules.Required(name, "name", MaxNameLength);
        var newDescription = description is null
            ? fund.Description
            : FieldRules.Bounded(description, "description", MaxDescriptionLength);

        if (newName == fund.Name && newDescription == fund.Description)
        {
            // Nothing changes, so nothing is audited.
            return fund;
        }

        fund.Name = newName;
        fund.Description = newDescription;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("fund.update", fund.AccountId, fund.Id,
            new { name = newName, description = newDescription }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fund;
    }

    /// <summary>Archives or restores a fund of the account; one already so is left as it is.</summary>
    public async Task SetArchivedAsync(
        string accountId, string fundId, bool archived, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.SingleOrDefaultAsync(f => f.Id == fundId && f.AccountId == accountId,
            cancellationToken) ?? throw QapiError.NotFound("fund_not_found", $"No fund {fundId}.");
        if (fund.Archived == archived)
        {
            // Nothing changes, so nothing is audited.
            return;
        }

        fund.Archived = archived;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(archived ? "fund.archive" : "fund.restore", accountId, fundId, null,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
