using Qapi.Client.Models;
using Qapi.Core.Assets;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>Maps funds, wallets, policies, allowlist entries and networks to the admin API's wire models.</summary>
internal static class FundAdminViews
{
    public static AdminFundResponse Fund(Fund fund, IEnumerable<Wallet> wallets) =>
        new(fund.Id, fund.AccountId, fund.Name, fund.Description, fund.Archived, fund.TxPolicyId,
            fund.WithdrawPolicyId, fund.CreatedAt,
            wallets.OrderBy(w => w.CreatedAt).ThenBy(w => w.DerivationIndex).Select(Wallet).ToList());

    public static AdminWalletResponse Wallet(Wallet wallet) =>
        new(wallet.Id, wallet.FundId, wallet.AccountId, wallet.Name, wallet.Asset,
            WalletTypeNames.Format(wallet.Type), wallet.Address, wallet.Status, wallet.Available,
            AssetCatalog.ScaleOf(wallet.Asset), wallet.CreatedAt);

    public static AdminPolicyResponse Policy(Policy policy, string source) =>
        new(policy.Id, PolicyService.KindName(policy.Kind), source, policy.Name, policy.Threshold,
            policy.Members.Select(m => m.MemberId).Order(StringComparer.Ordinal).ToList());

    public static AllowlistEntryResponse Allowlisted(AllowlistEntry entry) => new(entry.Address, entry.Label);

    public static RpcNetworkResponse Network(RpcNetwork network) =>
        new(network.Name, network.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RpcNetworkService.OriginOf(network.Url), network.CreatedAt);
}
