using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;

namespace Qapi.Data.Admin;

/// <summary>Whether an account's policies name a person, who then cannot leave the account.</summary>
internal static class PolicyNames
{
    public static async Task RequireNotNamedAsync(
        QapiDbContext db, string accountId, string personId, CancellationToken cancellationToken)
    {
        var policy = await db.PolicyMembers
            .Where(m => m.MemberId == personId)
            .Join(db.Policies.Where(p => p.AccountId == accountId), m => m.PolicyId, p => p.Id, (m, p) => p.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (policy is not null)
        {
            throw QapiError.Conflict("member_in_policy",
                $"The policy '{policy}' names {personId}; change the policy before removing them.");
        }
    }
}
