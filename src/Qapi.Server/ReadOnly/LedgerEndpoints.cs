using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Qapi.Client.Models;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// <c>GET /funds/{fund_id}/ledger</c> and <c>GET /wallet/{wallet_id}/history</c>, newest first: paged JSON, or
/// with <c>Accept: text/csv</c> every entry the key may see, streamed as CSV (docs/csv.md).
/// </summary>
internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/funds/{fund_id}/ledger", GetFundLedgerAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetFundLedger")
            .WithTags("Read-only API")
            .Produces<FundLedgerResponse>()
            .AddOpenApiOperationTransformer(OfferCsvAsync);
        api.MapGet("/wallet/{wallet_id}/history", GetWalletHistoryAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetWalletHistory")
            .WithTags("Read-only API")
            .Produces<WalletHistoryResponse>()
            .AddOpenApiOperationTransformer(OfferCsvAsync);
    }

    // A second Produces for the same status would replace the JSON schema, so text/csv is added beside it.
    private static Task OfferCsvAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
        {
            content[CsvContent.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "With Accept: text/csv, every entry as RFC 4180 CSV (docs/csv.md).",
                },
            };
        }

        return Task.CompletedTask;
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

        var newestFirst = entries.OrderByDescending(e => e.Id);
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (CsvContent.IsPreferred(context.Request))
        {
            var rows = Export(newestFirst, offset, limit, paging).Select(LedgerViews.FundItem);
            await CsvContent.WriteAsync(context, $"ledger-{fund.Id}.csv", LedgerCsv.FundLedgerHeader, rows,
                LedgerCsv.Write);
            return Results.Empty;
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await newestFirst.Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        var items = page.Select(LedgerViews.FundItem).ToList();
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
        var newestFirst = entries.OrderByDescending(e => e.Id);
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (CsvContent.IsPreferred(context.Request))
        {
            var rows = Export(newestFirst, offset, limit, paging).Select(LedgerViews.WalletItem);
            await CsvContent.WriteAsync(context, $"history-{wallet.Id}.csv", LedgerCsv.WalletHistoryHeader, rows,
                LedgerCsv.Write);
            return Results.Empty;
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await newestFirst.Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        var items = page.Select(LedgerViews.WalletItem).ToList();
        return TypedResults.Ok(new WalletHistoryResponse(items, total));
    }

    /// <summary>
    /// The entries of a CSV export, read one at a time: every one, unless the request pages explicitly (then
    /// the same page as JSON would give).
    /// </summary>
    private static IAsyncEnumerable<LedgerEntry> Export(
        IOrderedQueryable<LedgerEntry> newestFirst, int? offset, int? limit, Paging paging)
    {
        var paged = offset is not null || limit is not null;
        var query = paged ? newestFirst.Skip(paging.Offset).Take(paging.Limit) : newestFirst;
        return query.AsAsyncEnumerable();
    }
}
