using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary><c>GET /trustedparties</c>: a personal account's custodians, pending and active.</summary>
internal static class TrustedPartyEndpoints
{
    public static void MapTrustedPartyEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/trustedparties", ListAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetTrustedParties")
            .WithTags("Read-only API")
            .Produces<TrustedPartiesResponse>();

    private static async Task<IResult> ListAsync(
        HttpContext context, QapiDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (caller.AccountKind != AccountKind.Personal)
        {
            throw QapiError.Invalid("not_personal_account",
                "Trusted parties belong to personal accounts; this key belongs to an organization, whose "
                + "members are listed by GET /account.");
        }

        var parties = await db.TrustedParties.AsNoTracking()
            .Where(t => t.AccountId == caller.AccountId)
            .OrderBy(t => t.Id)
            .Select(t => new TrustedPartyInfo(t.PartyId, t.Party!.FirstName ?? "", t.Party.LastName ?? "",
                t.Party.Email, t.Party.Username ?? "", false, t.Pending, t.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new TrustedPartiesResponse(parties));
    }
}
