using Qapi.Client.Models;
using Qapi.Core.Assets;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary><c>GET /balance</c>: per-asset totals over the wallets the key may see.</summary>
internal static class BalanceEndpoints
{
    public static void MapBalanceEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/balance", GetBalanceAsync)
            .RequirePermission(ApiKeyPermissions.Balance | ApiKeyPermissions.ReadOnly)
            .WithName("GetBalance")
            .WithTags("Read-only API")
            .Produces<BalanceResponse>();

    private static async Task<IResult> GetBalanceAsync(
        HttpContext context, QapiDbContext db, WalletBalanceReader balances)
    {
        var caller = context.Caller();
        var totals = new SortedDictionary<string, AssetBalance>(StringComparer.Ordinal);
        await foreach (var row in balances.ReadAsync(db, caller.AccountId))
        {
            if (!caller.Covers(row.WalletId))
            {
                continue;
            }

            var sum = totals.GetValueOrDefault(row.Asset)
                ?? new AssetBalance(0, 0, 0, 0, AssetCatalog.ScaleOf(row.Asset));
            var available = checked(sum.Available + row.Available);
            var pendingIn = checked(sum.PendingIn + row.PendingIn);
            var pendingOut = checked(sum.PendingOut + row.PendingOut);
            totals[row.Asset] = sum with
            {
                Available = available,
                PendingIn = pendingIn,
                PendingOut = pendingOut,
                Total = available + pendingIn - pendingOut,
            };
        }

        return TypedResults.Ok(new BalanceResponse(totals));
    }
}
