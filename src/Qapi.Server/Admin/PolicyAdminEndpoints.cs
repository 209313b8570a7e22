using Microsoft.EntityFrameworkCore;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Accounts;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Data.Admin;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>
/// Admin API: funds' transaction and withdrawal policies, and wallets' own overrides of them. A change governs
/// transactions proposed after it; pending ones keep the threshold and approvers they were created with.
/// </summary>
internal static class PolicyAdminEndpoints
{
    private const string FundSource = "fund";
    private const string WalletSource = "wallet";

    public static void MapPolicyAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/funds/{fundId}/policies", ListFundAsync)
            .WithName("AdminListFundPolicies").Produces<IReadOnlyList<AdminPolicyResponse>>();
        admin.MapPut("/funds/{fundId}/policies/{kind}", SetFundAsync)
            .WithName("AdminSetFundPolicy").Accepts<SetPolicyRequest>("application/json")
            .Produces<AdminPolicyResponse>();
        admin.MapGet("/wallets/{walletId}/policies", ListWalletAsync)
            .WithName("AdminListWalletPolicies").Produces<IReadOnlyList<AdminPolicyResponse>>();
        admin.MapPut("/wallets/{walletId}/policies/{kind}", SetWalletAsync)
            .WithName("AdminSetWalletPolicy").Accepts<SetPolicyRequest>("application/json")
            .Produces<AdminPolicyResponse>();
        admin.MapDelete("/wallets/{walletId}/policies/{kind}", ClearWalletAsync)
            .WithName("AdminClearWalletPolicy").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListFundAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string fundId,
        CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.View,
            cancellationToken);
        var policies = await LoadAsync(db, [fund.TxPolicyId, fund.WithdrawPolicyId], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdminPolicyResponse>>(
        [
            FundAdminViews.Policy(policies[fund.TxPolicyId], FundSource),
            FundAdminViews.Policy(policies[fund.WithdrawPolicyId], FundSource),
        ]);
    }

    private static async Task<IResult> SetFundAsync(
        HttpContext context, AdminAuthorizer authorizer, PolicyService policies, string fundId, string kind,
        CancellationToken cancellationToken)
    {
        var fund = await authorizer.RequireFundAsync(context.Principal(), fundId, AdminCapability.ManagePolicies,
            cancellationToken);
        var policyKind = Kind(kind);
        var (threshold, members) = Read(context);

        var policy = await policies.SetFundPolicyAsync(fund, policyKind, threshold, members, cancellationToken);
        FundAdminLog.Changed(context, "fund.policy.set", fund.Id, fund.AccountId);
        return TypedResults.Ok(FundAdminViews.Policy(policy, FundSource));
    }

    private static async Task<IResult> ListWalletAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string walletId,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId, AdminCapability.View,
            cancellationToken);
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == wallet.FundId, cancellationToken);
        var txId = wallet.TxPolicyId ?? fund.TxPolicyId;
        var withdrawId = wallet.WithdrawPolicyId ?? fund.WithdrawPolicyId;
        var policies = await LoadAsync(db, [txId, withdrawId], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdminPolicyResponse>>(
        [
            FundAdminViews.Policy(policies[txId], wallet.TxPolicyId is null ? FundSource : WalletSource),
            FundAdminViews.Policy(policies[withdrawId], wallet.WithdrawPolicyId is null ? FundSource : WalletSource),
        ]);
    }

    private static async Task<IResult> SetWalletAsync(
        HttpContext context, AdminAuthorizer authorizer, PolicyService policies, string walletId, string kind,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId,
            AdminCapability.ManagePolicies, cancellationToken);
        var policyKind = Kind(kind);
        var (threshold, members) = Read(context);

        var policy = await policies.SetWalletPolicyAsync(wallet, policyKind, threshold, members, cancellationToken);
        FundAdminLog.Changed(context, "wallet.policy.set", wallet.Id, wallet.AccountId);
        return TypedResults.Ok(FundAdminViews.Policy(policy, WalletSource));
    }

    private static async Task<IResult> ClearWalletAsync(
        HttpContext context, AdminAuthorizer authorizer, PolicyService policies, string walletId, string kind,
        CancellationToken cancellationToken)
    {
        var wallet = await authorizer.RequireWalletAsync(context.Principal(), walletId,
            AdminCapability.ManagePolicies, cancellationToken);
        var policyKind = Kind(kind);

        if (!await policies.ClearWalletPolicyAsync(wallet, policyKind, cancellationToken))
        {
            throw QapiError.NotFound("wallet_policy_not_found",
                $"The wallet has no {kind} policy of its own; the fund's already governs it.");
        }

        FundAdminLog.Changed(context, "wallet.policy.clear", wallet.Id, wallet.AccountId);
        return TypedResults.NoContent();
    }

    private static PolicyKind Kind(string text) =>
        PolicyService.ParseKind(text)
            ?? throw QapiError.Invalid("invalid_policy_kind", "The policy kind is 'transaction' or 'withdrawal'.");

    private static (int Threshold, IReadOnlyList<string> Members) Read(HttpContext context)
    {
        var request = AdminBody.Read(context, QapiJsonContext.Default.SetPolicyRequest);
        var threshold = request.Threshold
            ?? throw QapiError.Invalid("field_required", "The field 'threshold' is required.");
        var members = request.Members
            ?? throw QapiError.Invalid("field_required", "The field 'members' is required.");
        return (threshold, members);
    }

    private static Task<Dictionary<string, Policy>> LoadAsync(
        QapiDbContext db, string[] ids, CancellationToken cancellationToken) =>
        db.Policies.AsNoTracking().Include(p => p.Members).Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
}
