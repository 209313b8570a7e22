using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Data.Admin;

/// <summary>
/// Enrolls approver keys through the admin API. A person enrolls their own key; an administrator enrolls the keys
/// of the account's signing agents. An administrator may not enroll another person's key: a person has one key
/// for every account they approve in, so that would let one organization's administrator approve in the person's
/// name everywhere else (docs/admin-api.md).
/// </summary>
public sealed class ApproverEnrollment(QapiDbContext db, AdminAuthorizer authorizer, ApproverService approvers)
{
    public async Task<ApproverKey> EnrollAsync(
        AdminPrincipal caller, string accountId, string approverId, string? publicKey,
        CancellationToken cancellationToken)
    {
        var self = approverId == caller.PersonId;
        await authorizer.RequireAsync(caller, accountId,
            self ? AdminCapability.View : AdminCapability.ManagePolicies, cancellationToken);
        var approver = await ApproverOfAsync(accountId, approverId, cancellationToken)
            ?? throw QapiError.NotFound("approver_not_found", $"No approver {approverId} in account {accountId}.");
        if (!self && approver.Kind != AccountKind.SigningAgent)
        {
            throw QapiError.Forbidden("approver_key_self_only",
                "A person enrolls their own approver key; an administrator enrolls signing agents' keys.");
        }

        return await approvers.EnrollAsync(approverId, publicKey ?? "", cancellationToken);
    }

    /// <summary>The approver when they may approve for the account: owner, active member or party, or agent.</summary>
    private async Task<Account?> ApproverOfAsync(
        string accountId, string approverId, CancellationToken cancellationToken)
    {
        var candidate = await db.Accounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == approverId, cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        var eligible = candidate.Kind switch
        {
            AccountKind.SigningAgent => candidate.OwnerId == accountId,
            AccountKind.Personal => candidate.Id == accountId
                || await db.OrganizationMembers.AnyAsync(
                    m => m.OrganizationId == accountId && m.UserId == approverId && !m.Pending, cancellationToken)
                || await db.TrustedParties.AnyAsync(
                    t => t.AccountId == accountId && t.PartyId == approverId && !t.Pending, cancellationToken),
            _ => false,
        };
        return eligible ? candidate : null;
    }
}
