using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Data.Admin;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>Admin API: a wallet's destination allowlist.</summary>
internal static class AllowlistAdminEndpoints
{
    public static void MapAllowlistAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/wallets/{walletId}/allowlist", ListAsync)
            .WithName("AdminListAllowlist").Produces<IReadOnlyList<AllowlistEntryResponse>>();
        admin.MapPost("/wallets/{walletId}/allowlist", AddAsync)
            .WithName("AdminAddAllowlistEntry").Accepts<AllowlistEntryRequest>("application/json")
            .Produces<AllowlistEntryResponse>(StatusCodes.Status201Created);
        admin.MapDelete("/wallets/{walletId}/allowlist/{address}", RemoveAsync)
            .WithName("AdminRemoveAllowlistEntry").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, AdminAuthorizer authorizer, AllowlistService allowlist, string walletId,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId, AdminCapability.View,
            cancellationToken);
        var entries = await allowlist.ListAsync(wallet.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AllowlistEntryResponse>>(
            entries.Select(FundAdminViews.Allowlisted).ToList());
    }

    private static async Task<IResult> AddAsync(
        HttpContext context, AdminAuthorizer authorizer, AllowlistService allowlist, string walletId,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId,
            AdminCapability.ManagePolicies, cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.AllowlistEntryRequest);

        var entry = await allowlist.AddAsync(wallet, request.Address, request.Label, cancellationToken);
        FundAdminLog.Changed(context, "wallet.allowlist.add", wallet.Id, wallet.AccountId);
        return TypedResults.Created($"{AdminApi.BasePath}/wallets/{wallet.Id}/allowlist/{entry.Address}",
            FundAdminViews.Allowlisted(entry));
    }

    private static async Task<IResult> RemoveAsync(
        HttpContext context, AdminAuthorizer authorizer, AllowlistService allowlist, string walletId,
        string address, CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId,
            AdminCapability.ManagePolicies, cancellationToken);

        await allowlist.RemoveAsync(wallet, address, cancellationToken);
        FundAdminLog.Changed(context, "wallet.allowlist.remove", wallet.Id, wallet.AccountId);
        return TypedResults.NoContent();
    }
}
