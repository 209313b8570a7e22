using Microsoft.EntityFrameworkCore;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Data.Admin;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>Admin API: list, create, read, update, archive and restore funds.</summary>
internal static class FundAdminEndpoints
{
    public static void MapFundAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}/funds", ListAsync)
            .WithName("AdminListFunds").Produces<IReadOnlyList<AdminFundResponse>>();
        admin.MapPost("/accounts/{accountId}/funds", CreateAsync)
            .WithName("AdminCreateFund").Accepts<CreateFundRequest>("application/json")
            .Produces<AdminFundResponse>(StatusCodes.Status201Created);
        admin.MapGet("/funds/{fundId}", GetAsync)
            .WithName("AdminGetFund").Produces<AdminFundResponse>();
        admin.MapPatch("/funds/{fundId}", UpdateAsync)
            .WithName("AdminUpdateFund").Accepts<UpdateFundRequest>("application/json").Produces<AdminFundResponse>();
        admin.MapPost("/funds/{fundId}/archive", (HttpContext c, AdminAuthorizer a, FundService f, QapiDbContext d,
                string fundId, CancellationToken t) => SetArchivedAsync(c, a, f, d, fundId, true, t))
            .WithName("AdminArchiveFund").Produces<AdminFundResponse>();
        admin.MapPost("/funds/{fundId}/restore", (HttpContext c, AdminAuthorizer a, FundService f, QapiDbContext d,
                string fundId, CancellationToken t) => SetArchivedAsync(c, a, f, d, fundId, false, t))
            .WithName("AdminRestoreFund").Produces<AdminFundResponse>();
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string accountId,
        CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.View, cancellationToken);
        var funds = await db.Funds.AsNoTracking().Include(f => f.Wallets)
            .Where(f => f.AccountId == accountId)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdminFundResponse>>(
            funds.Select(f => FundAdminViews.Fund(f, f.Wallets)).ToList());
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, AdminAuthorizer authorizer, FundService funds, string accountId,
        CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageFunds,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.CreateFundRequest);
        var threshold = request.Threshold
            ?? throw QapiError.Invalid("field_required", "The field 'threshold' is required.");

        var fund = await funds.CreateAsync(accountId, request.Name ?? "", request.Description ?? "",
            request.Approvers ?? [], threshold, cancellationToken);
        FundAdminLog.Changed(context, "fund.create", fund.Id, accountId);
        return TypedResults.Created($"{AdminApi.BasePath}/funds/{fund.Id}", FundAdminViews.Fund(fund, []));
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string fundId,
        CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.View,
            cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, fund, cancellationToken));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, AdminAuthorizer authorizer, FundService funds, QapiDbContext db, string fundId,
        CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.ManageFunds,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.UpdateFundRequest);

        await funds.UpdateAsync(fund, request.Name, request.Description, cancellationToken);
        FundAdminLog.Changed(context, "fund.update", fund.Id, fund.AccountId);
        return TypedResults.Ok(await ViewAsync(db, fund, cancellationToken));
    }

    private static async Task<IResult> SetArchivedAsync(
        HttpContext context, AdminAuthorizer authorizer, FundService funds, QapiDbContext db, string fundId,
        bool archived, CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.ManageFunds,
            cancellationToken);

        await funds.SetArchivedAsync(fund.AccountId, fund.Id, archived, cancellationToken);
        FundAdminLog.Changed(context, archived ? "fund.archive" : "fund.restore", fund.Id, fund.AccountId);
        return TypedResults.Ok(await ViewAsync(db, fund, cancellationToken));
    }

    private static async Task<AdminFundResponse> ViewAsync(
        QapiDbContext db, Fund fund, CancellationToken cancellationToken)
    {
        var wallets = await db.Wallets.AsNoTracking().Where(w => w.FundId == fund.Id)
            .ToListAsync(cancellationToken);
        return FundAdminViews.Fund(fund, wallets);
    }
}
