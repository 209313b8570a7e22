using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Data.Admin;

namespace Qapi.Server.Admin;

/// <summary><c>GET/PATCH /accounts/{accountId}</c>: a personal account's or an organization's profile.</summary>
internal static class AccountProfileEndpoints
{
    public static void MapAccountProfileEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}", GetAsync)
            .WithName("AdminGetAccount").Produces<AccountProfile>();
        admin.MapPatch("/accounts/{accountId}", UpdateAsync)
            .WithName("AdminUpdateAccount")
            .Accepts<UpdateAccountRequest>("application/json")
            .Produces<AccountProfile>();
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, AdminAuthorizer authorizer, string accountId, CancellationToken cancellationToken)
    {
        var account = await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.View,
            cancellationToken);
        return TypedResults.Ok(AdminViews.Profile(account));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, AdminAuthorizer authorizer, AccountProfileService profiles, string accountId,
        CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        await authorizer.RequireAsync(caller, accountId, AdminCapability.ManageAccount, cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.UpdateAccountRequest);
        var account = await profiles.UpdateAsync(accountId, new AccountProfileChange(request.FirstName,
            request.LastName, request.Email, request.DefaultFiat, request.TestnetAssets, request.Name,
            request.Domain, request.Address), cancellationToken);

        AdminLog.ProfileChanged(AdminLog.For(context), caller.PersonId, accountId);
        return TypedResults.Ok(AdminViews.Profile(account));
    }
}
