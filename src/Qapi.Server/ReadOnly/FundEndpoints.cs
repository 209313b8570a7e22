using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models;
using Qapi.Core.Assets;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary><c>GET /funds</c> and <c>GET /funds/{fund_id}</c>.</summary>
internal static class FundEndpoints
{
    public static void MapFundEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/funds", ListFundsAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetFunds")
            .WithTags("Read-only API")
            .Produces<FundsResponse>();
        api.MapGet("/funds/{fund_id}", GetFundAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetFund")
            .WithTags("Read-only API")
            .Produces<FundInfoResponse>();
    }

    private static async Task<IResult> ListFundsAsync(
        HttpContext context, QapiDbContext db, bool? archived, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var includeArchived = archived ?? false;
        var funds = await db.Funds.AsNoTracking()
            .Include(f => f.Wallets)
            .Where(f => f.AccountId == caller.AccountId && (includeArchived || !f.Archived))
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);

        var visible = funds
            .Select(f => (Fund: f, Wallets: f.Wallets.Where(w => caller.Covers(w.Id)).ToList()))
            .Where(x => caller.WalletScope is null || x.Wallets.Count > 0)
            .Select(x => new FundSummary(x.Fund.Id, x.Fund.Name, x.Fund.Description, x.Fund.Archived, 0,
                Holdings(x.Wallets)))
            .ToList();
        return TypedResults.Ok(new FundsResponse(visible.Count, visible));
    }

    private static async Task<IResult> GetFundAsync(
        HttpContext context, QapiDbContext db, string fund_id, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var fund = await FundAccess.FundAsync(db, caller, fund_id, cancellationToken);
        // Creation order: wallets made in the same second keep the order their BIP-44 indexes were taken in.
        var wallets = fund.Wallets.Where(w => caller.Covers(w.Id))
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.DerivationIndex)
            .ToList();

        var policyIds = new[] { fund.TxPolicyId, fund.WithdrawPolicyId }
            .Concat(wallets.SelectMany(w => new[] { w.TxPolicyId, w.WithdrawPolicyId }).OfType<string>())
            .Distinct().ToList();
        var policies = await db.Policies.AsNoTracking()
            .Include(p => p.Members).ThenInclude(m => m.Member)
            .Where(p => policyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var members = await FundMembersAsync(db, caller.AccountId, cancellationToken);

        PolicyInfo View(string policyId) =>
            EntityViews.Policy(policies[policyId], [fund.Id], wallets.Count);

        var walletInfos = wallets.Select(w => new WalletInfo(w.Id, w.Name, w.Asset, w.Address,
            AssetCatalog.Find(w.Asset)?.AddressType ?? "", w.Available + w.PendingIn - w.PendingOut, w.ShortCode,
            w.Status, (int)w.Type, View(w.TxPolicyId ?? fund.TxPolicyId),
            View(w.WithdrawPolicyId ?? fund.WithdrawPolicyId), null)).ToList();
        var info = new FundInfo(fund.Id, fund.Name, fund.Description, fund.TxPolicyId, fund.WithdrawPolicyId,
            members, View(fund.TxPolicyId), View(fund.WithdrawPolicyId), walletInfos);
        return TypedResults.Ok(new FundInfoResponse(info));
    }

    private static Dictionary<string, long> Holdings(IEnumerable<Wallet> wallets) =>
        wallets.GroupBy(w => w.Asset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Available + w.PendingIn - w.PendingOut));

    private static async Task<List<FundMemberInfo>> FundMembersAsync(
        QapiDbContext db, string accountId, CancellationToken cancellationToken)
    {
        var members = await db.OrganizationMembers.AsNoTracking()
            .Include(m => m.User)
            .Where(m => m.OrganizationId == accountId && !m.Pending)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (members.Count > 0)
        {
            return members.Select(m => new FundMemberInfo(EntityViews.Entity(m.User!, accountId),
                FundRoles.PermissionsOf(m.Role))).ToList();
        }

        // A personal account's only member is its owner, who holds every fund permission.
        var owner = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        return [new FundMemberInfo(EntityViews.Entity(owner), new FundPermissions(true, true, true))];
    }
}
