using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary><c>GET /funds/{fund_id}/ledger</c> and <c>GET /wallet/{wallet_id}/history</c>, newest first.</summary>
internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/funds/{fund_id}/ledger", GetFundLedgerAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetFundLedger")
            .WithTags("Read-only API")
            .Produces<FundLedgerResponse>();
        api.MapGet("/wallet/{wallet_id}/history", GetWalletHistoryAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetWalletHistory")
            .WithTags("Read-only API")
            .Produces<WalletHistoryResponse>();
    }

    private static async Task<IResult> GetFundLedgerAsync(
        HttpContext context,
        QapiDbContext db,
        string fund_id,
        int? offset,
        int? limit,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var paging = Paging.From(offset, limit);
        var fund = await FundAccess.FundAsync(db, caller, fund_id, cancellationToken);
        var wallets = fund.Wallets.Where(w => caller.Covers(w.Id)).ToList();
        var walletIds = wallets.Select(w => w.Id).ToList();

        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.FundId == fund.Id);
        if (caller.WalletScope is not null)
        {
            entries = entries.Where(e => walletIds.Contains(e.WalletId));
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Id).Skip(paging.Offset).Take(paging.Limit)
            .ToListAsync(cancellationToken);
        var items = page.Select(e => new FundLedgerItem(e.TxId, e.ChainTxId, e.FundId, e.WalletId, e.Timestamp,
            (int)e.Type, e.Asset, e.Amount, e.Fees, e.NetAmount, "", e.CounterpartyName, e.Address, e.Reference,
            "", "", e.ChainTxId.Length == 0 ? [] : [e.ChainTxId])).ToList();
        var walletInfos = wallets.ToDictionary(w => w.Id,
            w => new LedgerWalletInfo(w.Id, fund.Name, w.Name, (int)w.Type), StringComparer.Ordinal);
        return TypedResults.Ok(new FundLedgerResponse(items, total, walletInfos));
    }

    private static async Task<IResult> GetWalletHistoryAsync(
        HttpContext context,
        QapiDbContext db,
        string wallet_id,
        int? offset,
        int? limit,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var paging = Paging.From(offset, limit);
        var wallet = await FundAccess.WalletAsync(db, caller, wallet_id, cancellationToken);

        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.WalletId == wallet.Id);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Id).Skip(paging.Offset).Take(paging.Limit)
            .ToListAsync(cancellationToken);

        // Mapped after loading: the type is stored by name, and a cast inside the query would make the
        // database convert the name to a number (SQLite silently gives 0, PostgreSQL fails).
        var items = page.Select(e => new WalletHistoryItem(e.TxId, e.ChainTxId, e.WalletId, e.Timestamp, e.Asset,
            e.Amount, e.Fees, e.NetAmount, e.Status, (int)e.Type)).ToList();
        return TypedResults.Ok(new WalletHistoryResponse(items, total));
    }
}
