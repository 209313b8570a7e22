using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Data.Admin;

namespace Qapi.Server.Admin;

/// <summary>An organization's members: list, invite (pending until accepted), re-role, remove.</summary>
internal static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}/members", ListAsync)
            .WithName("AdminListMembers").Produces<List<MemberInfo>>();
        admin.MapPost("/accounts/{accountId}/members", InviteAsync)
            .WithName("AdminInviteMember")
            .Accepts<InviteMemberRequest>("application/json")
            .Produces<MemberInfo>(StatusCodes.Status201Created);
        admin.MapPatch("/accounts/{accountId}/members/{userId}", ChangeRoleAsync)
            .WithName("AdminUpdateMember")
            .Accepts<UpdateMemberRequest>("application/json")
            .Produces<MemberInfo>();
        admin.MapDelete("/accounts/{accountId}/members/{userId}", RemoveAsync)
            .WithName("AdminRemoveMember").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, AdminAuthorizer authorizer, MembershipService members, string accountId,
        CancellationToken cancellationToken)
    {
        var organization = await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.View,
            cancellationToken);
        if (organization.Kind != Core.Accounts.AccountKind.Organization)
        {
            throw Core.Errors.QapiError.Invalid("not_organization",
                "Members belong to organizations; a personal account has trusted parties instead.");
        }

        var list = await members.ListAsync(accountId, cancellationToken);
        return TypedResults.Ok(list.Select(AdminViews.Member).ToList());
    }

    private static async Task<IResult> InviteAsync(
        HttpContext context, AdminAuthorizer authorizer, MembershipService members, string accountId,
        CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        var organization = await authorizer.RequireAsync(caller, accountId, AdminCapability.ManageMembers,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.InviteMemberRequest);
        var role = AdminViews.Role(request.Role);
        var member = await members.InviteAsync(organization, request.Username, role, caller.PersonId,
            cancellationToken);

        AdminLog.MemberChanged(AdminLog.For(context), "Invited", member.UserId, accountId, caller.PersonId);
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{accountId}/members/{member.UserId}",
            AdminViews.Member(member));
    }

    private static async Task<IResult> ChangeRoleAsync(
        HttpContext context, AdminAuthorizer authorizer, MembershipService members, string accountId,
        string userId, CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        await authorizer.RequireAsync(caller, accountId, AdminCapability.ManageMembers, cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.UpdateMemberRequest);
        var member = await members.ChangeRoleAsync(accountId, userId, AdminViews.Role(request.Role),
            cancellationToken);

        AdminLog.MemberChanged(AdminLog.For(context), "Re-roled", userId, accountId, caller.PersonId);
        return TypedResults.Ok(AdminViews.Member(member));
    }

    private static async Task<IResult> RemoveAsync(
        HttpContext context, AdminAuthorizer authorizer, MembershipService members, string accountId,
        string userId, CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        await authorizer.RequireAsync(caller, accountId, AdminCapability.ManageMembers, cancellationToken);
        await members.RemoveAsync(accountId, userId, cancellationToken);

        AdminLog.MemberChanged(AdminLog.For(context), "Removed", userId, accountId, caller.PersonId);
        return TypedResults.NoContent();
    }
}
