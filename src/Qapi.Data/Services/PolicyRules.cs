using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;

namespace Qapi.Data.Services;

/// <summary>Checks that a policy can be met by people who may approve for the account.</summary>
internal static class PolicyRules
{
    public static async Task RequireSatisfiableAsync(
        QapiDbContext db,
        string accountId,
        IReadOnlyCollection<string> approverIds,
        int threshold,
        CancellationToken cancellationToken)
    {
        var distinct = approverIds.Distinct().ToList();
        if (threshold < 1 || threshold > distinct.Count)
        {
            throw QapiError.Invalid("threshold_unreachable",
                $"A threshold of {threshold} cannot be met by {distinct.Count} distinct approvers.");
        }

        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw QapiError.NotFound("account_not_found", $"No account {accountId}.");
        var eligible = account.Kind == AccountKind.Organization
            ? await db.OrganizationMembers.Where(m => m.OrganizationId == accountId && !m.Pending)
                .Select(m => m.UserId).ToListAsync(cancellationToken)
            : await db.TrustedParties.Where(t => t.AccountId == accountId && !t.Pending).Select(t => t.PartyId)
                .ToListAsync(cancellationToken);
        if (account.Kind == AccountKind.Personal)
        {
            eligible.Add(accountId);
        }

        // The account's own signing agents may approve too.
        eligible.AddRange(await db.Accounts.Where(a => a.OwnerId == accountId && a.Kind == AccountKind.SigningAgent)
            .Select(a => a.Id).ToListAsync(cancellationToken));

        var outsider = distinct.FirstOrDefault(id => !eligible.Contains(id));
        if (outsider is not null)
        {
            throw QapiError.Invalid("approver_not_eligible",
                $"Approver {outsider} is not a member or active trusted party of the account.");
        }
    }
}
