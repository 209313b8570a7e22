using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Data.Admin;

namespace Qapi.Server.Admin;

/// <summary>A personal account's trusted parties: invite (pending until accepted) and remove.</summary>
internal static class TrustedPartyAdminEndpoints
{
    public static void MapTrustedPartyAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/accounts/{accountId}/trustedparties", InviteAsync)
            .WithName("AdminInviteTrustedParty")
            .Accepts<InviteTrustedPartyRequest>("application/json")
            .Produces<AccountTrustedPartyInfo>(StatusCodes.Status201Created);
        admin.MapDelete("/accounts/{accountId}/trustedparties/{partyId}", RemoveAsync)
            .WithName("AdminRemoveTrustedParty").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> InviteAsync(
        HttpContext context, AdminAuthorizer authorizer, TrustedPartyService parties, string accountId,
        CancellationToken cancellationToken)
    {
        var account = await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageMembers,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.InviteTrustedPartyRequest);
        var party = await parties.InviteAsync(account, request.Username, cancellationToken);

        AdminLog.TrustedPartyChanged(AdminLog.For(context), "Invited", party.PartyId, accountId);
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{accountId}/trustedparties/{party.PartyId}",
            AdminViews.TrustedParty(party));
    }

    private static async Task<IResult> RemoveAsync(
        HttpContext context, AdminAuthorizer authorizer, TrustedPartyService parties, string accountId,
        string partyId, CancellationToken cancellationToken)
    {
        var account = await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageMembers,
            cancellationToken);
        await parties.RemoveAsync(account, partyId, cancellationToken);

        AdminLog.TrustedPartyChanged(AdminLog.For(context), "Removed", partyId, accountId);
        return TypedResults.NoContent();
    }
}
