using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Server.Authentication;

namespace Qapi.Server.ReadOnly;

/// <summary><c>GET /account</c>: the personal or organization account the key belongs to.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/account", GetAccountAsync)
            .RequirePermission(ApiKeyPermissions.ReadOnly)
            .WithName("GetAccount")
            .WithTags("Read-only API")
            .Produces<AccountResponse>();

    private static async Task<IResult> GetAccountAsync(
        HttpContext context, QapiDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == caller.AccountId, cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.AccountId == account.Id && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(k => new UserApiKeyInfo(k.Id, k.Name))
            .ToListAsync(cancellationToken);

        if (account.Kind == AccountKind.Personal)
        {
            return TypedResults.Ok(new AccountResponse(new PersonalAccountInfo(account.Id, account.Username ?? "",
                account.Name, account.Email, account.DefaultFiat, account.TestnetAssets, account.PartnerApi, keys)));
        }

        var members = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == account.Id && !m.Pending)
            .OrderBy(m => m.Id)
            .Select(m => new { m.UserId, m.User!.Username, m.User.Email, m.User.Name, m.Role })
            .ToListAsync(cancellationToken);
        var networks = await db.RpcNetworks.AsNoTracking()
            .Where(n => n.AccountId == account.Id)
            .OrderBy(n => n.Name)
            .Select(n => new { n.Name, n.ChainId })
            .ToListAsync(cancellationToken);
        var networkInfos = networks
            .Select(n => new RpcNetworkInfo(n.Name, n.ChainId.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var memberInfos = members
            .Select(m => new OrganizationMemberInfo(m.UserId, m.Username ?? "", m.Email, m.Name, RoleName(m.Role)))
            .ToList();
        return TypedResults.Ok(new AccountResponse(new OrganizationInfo(account.Id, account.Name, account.Email,
            account.Domain ?? "", account.Address ?? "", memberInfos, [], networkInfos, account.PartnerApi,
            new OrganizationApiKeys(keys.Count, keys))));
    }

    private static string RoleName(MemberRole role) => role switch
    {
        MemberRole.Administrator => "administrator",
        MemberRole.FundOrganizer => "fund_organizer",
        MemberRole.Approver => "approver",
        _ => "trader",
    };
}
