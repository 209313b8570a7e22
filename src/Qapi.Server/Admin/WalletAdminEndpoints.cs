using Microsoft.Extensions.Options;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Errors;
using Qapi.Core.Wallets;
using Qapi.Data.Admin;
using Qapi.Data.Services;
using Qapi.Server.Configuration;

namespace Qapi.Server.Admin;

/// <summary>Admin API: create wallets in a fund, read them, rename them and set their status.</summary>
internal static class WalletAdminEndpoints
{
    public static void MapWalletAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/funds/{fundId}/wallets", CreateAsync)
            .WithName("AdminCreateWallet").Accepts<CreateWalletRequest>("application/json")
            .Produces<AdminWalletResponse>(StatusCodes.Status201Created);
        admin.MapGet("/wallets/{walletId}", GetAsync)
            .WithName("AdminGetWallet").Produces<AdminWalletResponse>();
        admin.MapPatch("/wallets/{walletId}", UpdateAsync)
            .WithName("AdminUpdateWallet").Accepts<UpdateWalletRequest>("application/json")
            .Produces<AdminWalletResponse>();
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, AdminAuthorizer authorizer, WalletService wallets, IOptions<QapiOptions> options,
        string fundId, CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.ManageFunds,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.CreateWalletRequest);
        var type = WalletType.Standard;
        if (request.Type is not null && !WalletTypeNames.TryParse(request.Type, out type))
        {
            throw QapiError.Invalid("invalid_wallet_type",
                $"The wallet type must be one of {string.Join(", ", WalletTypeNames.All)}.");
        }

        var wallet = await wallets.CreateAsync(fund.AccountId, fund.Id, request.Name ?? "",
            request.Asset ?? throw QapiError.Invalid("field_required", "The field 'asset' is required."), type,
            options.Value.IsSandbox, cancellationToken);
        FundAdminLog.Changed(context, "wallet.create", wallet.Id, wallet.AccountId);
        return TypedResults.Created($"{AdminApi.BasePath}/wallets/{wallet.Id}", FundAdminViews.Wallet(wallet));
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, AdminAuthorizer authorizer, string walletId, CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId, AdminCapability.View,
            cancellationToken);
        return TypedResults.Ok(FundAdminViews.Wallet(wallet));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, AdminAuthorizer authorizer, WalletService wallets, string walletId,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId,
            AdminCapability.ManageFunds, cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.UpdateWalletRequest);

        await wallets.UpdateAsync(wallet, request.Name, request.Status, cancellationToken);
        FundAdminLog.Changed(context, "wallet.update", wallet.Id, wallet.AccountId);
        return TypedResults.Ok(FundAdminViews.Wallet(wallet));
    }
}
