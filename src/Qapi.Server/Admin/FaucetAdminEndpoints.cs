using Microsoft.Extensions.Options;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Assets;
using Qapi.Data.Admin;
using Qapi.Data.Services;
using Qapi.Server.Configuration;

namespace Qapi.Server.Admin;

/// <summary>Admin API: the sandbox faucet, which credits testnet assets to a wallet as a recorded deposit.</summary>
internal static class FaucetAdminEndpoints
{
    public static void MapFaucetAdmin(this RouteGroupBuilder admin) =>
        admin.MapPost("/wallets/{walletId}/faucet", CreditAsync)
            .WithName("AdminFaucet").Accepts<FaucetRequest>("application/json")
            .Produces<FaucetResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> CreditAsync(
        HttpContext context, AdminAuthorizer authorizer, FaucetService faucet, IOptions<QapiOptions> options,
        string walletId, CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId, AdminCapability.Faucet,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.FaucetRequest);

        var entry = await faucet.CreditAsync(wallet, request.Amount, options.Value.IsSandbox, cancellationToken);
        FundAdminLog.FaucetCredited(FundAdminLog.LoggerOf(context), entry.Amount, entry.Asset, wallet.Id,
            context.Principal().PersonId);
        return TypedResults.Created($"{AdminApi.BasePath}/wallets/{wallet.Id}",
            new FaucetResponse(entry.TxId, wallet.Id, entry.Asset, entry.Amount, wallet.Available,
                AssetCatalog.ScaleOf(entry.Asset)));
    }
}
