using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models.Admin;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Data.Admin;

namespace Qapi.Server.Admin;

/// <summary>
/// The key holder themself: their account and memberships, and the invitations waiting for them. Accepting or
/// declining acts on the holder's own invitations only, and needs the person's own key: an organization's key
/// acts for that organization, not for the person elsewhere.
/// </summary>
internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/me", GetAsync).WithName("AdminMe").Produces<MeResponse>();
        admin.MapGet("/me/invitations", ListInvitationsAsync)
            .WithName("AdminMyInvitations").Produces<List<InvitationInfo>>();
        admin.MapPost("/me/invitations/{accountId}/accept", AcceptAsync)
            .WithName("AdminAcceptInvitation").Produces<InvitationInfo>();
        admin.MapPost("/me/invitations/{accountId}/decline", DeclineAsync)
            .WithName("AdminDeclineInvitation").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, QapiDbContext db, CancellationToken cancellationToken)
    {
        var person = context.Principal().PersonId;
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == person, cancellationToken);
        var memberships = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == person)
            .Join(db.Accounts, m => m.OrganizationId, a => a.Id, (m, a) => new { a.Id, a.Name, m.Role, m.Pending })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MeResponse(AdminViews.Profile(account), memberships
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MembershipInfo(m.Id, m.Name, MemberRoleNames.Format(m.Role), m.Pending))
            .ToList()));
    }

    private static async Task<IResult> ListInvitationsAsync(
        HttpContext context, InvitationService invitations, CancellationToken cancellationToken)
    {
        var waiting = await invitations.ForPersonAsync(context.Principal().PersonId, cancellationToken);
        return TypedResults.Ok(waiting.Select(AdminViews.Invitation).ToList());
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext context, InvitationService invitations, string accountId, CancellationToken cancellationToken)
    {
        var person = OwnKeyHolder(context);
        var accepted = await invitations.AcceptAsync(person, accountId, cancellationToken);
        AdminLog.InvitationAnswered(AdminLog.For(context), person, "accepted", accountId);
        return TypedResults.Ok(AdminViews.Invitation(accepted));
    }

    private static async Task<IResult> DeclineAsync(
        HttpContext context, InvitationService invitations, string accountId, CancellationToken cancellationToken)
    {
        var person = OwnKeyHolder(context);
        await invitations.DeclineAsync(person, accountId, cancellationToken);
        AdminLog.InvitationAnswered(AdminLog.For(context), person, "declined", accountId);
        return TypedResults.NoContent();
    }

    /// <summary>The person, when the request is signed with their own personal account's key.</summary>
    public static string OwnKeyHolder(HttpContext context)
    {
        var caller = context.Principal();
        return caller.KeyAccountId == caller.PersonId
            ? caller.PersonId
            : throw QapiError.Forbidden("personal_key_required",
                "This needs the person's own key; an organization's key acts for that organization only.");
    }
}
