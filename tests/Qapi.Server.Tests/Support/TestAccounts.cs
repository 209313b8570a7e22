using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Services;

namespace Qapi.Server.Tests.Support;

/// <summary>Seeds accounts and keys through the same domain services the server uses.</summary>
public static class TestAccounts
{
    public static Task<(string KeyId, string Secret)> KeyAsync(
        this QapiServerFixture server, string accountId, ApiKeyPermissions permissions, params string[] wallets) =>
        server.InScopeAsync(async sp =>
        {
            var (key, secret) = await sp.GetRequiredService<ApiKeyService>()
                .CreateAsync(accountId, "test key", permissions, wallets, null, default);
            return (key.Id, secret);
        });

    public static Task<List<(string Id, string Name)>> WalletsOfAsync(this QapiServerFixture server,
        string accountId) =>
        server.InScopeAsync(async sp => (await sp.GetRequiredService<QapiDbContext>().Wallets
                .Where(w => w.AccountId == accountId).OrderBy(w => w.DerivationIndex)
                .Select(w => new { w.Id, w.Name }).ToListAsync())
            .Select(w => (w.Id, w.Name)).ToList());

    public static Task<string> AccountIdAsync(this QapiServerFixture server, string username) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Accounts
            .Where(a => a.Username == username).Select(a => a.Id).SingleAsync());

    /// <summary>A second organization with a funded wallet, to prove one account never sees another's.</summary>
    public static Task<(string OrgId, string FundId, string WalletId)> OtherOrganizationAsync(
        this QapiServerFixture server) =>
        server.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var (person, _) = await accounts.CreatePersonalAsync("erin" + suffix, "Erin", "Else",
                $"erin{suffix}@other.test", default);
            var (org, _) = await accounts.CreateOrganizationAsync("Other Org", "o@other.test", "other.test", "",
                default);
            await accounts.AddMemberAsync(org.Id, person.Id, Core.Accounts.MemberRole.Administrator, default);
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(org.Id, "Other fund", "",
                [person.Id], 1, default);
            var wallet = await sp.GetRequiredService<WalletService>().CreateAsync(org.Id, fund.Id, "Other wallet",
                "ETH-TESTNET", WalletType.Standard, sandbox: true, default);
            await sp.GetRequiredService<LedgerService>().RecordDepositAsync(wallet.Id, 7_000_000_000, "faucet",
                "other", default);
            return (org.Id, fund.Id, wallet.Id);
        });

    /// <summary>A personal account with its own fund and wallet.</summary>
    public static Task<(string AccountId, string FundId, string WalletId)> PersonalWithFundAsync(
        this QapiServerFixture server, string username) =>
        server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var accountId = await db.Accounts.Where(a => a.Username == username).Select(a => a.Id).SingleAsync();
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(accountId, "Savings", "",
                [accountId], 1, default);
            var wallet = await sp.GetRequiredService<WalletService>().CreateAsync(accountId, fund.Id, "Savings ETH",
                "ETH-TESTNET", WalletType.Standard, sandbox: true, default);
            await sp.GetRequiredService<LedgerService>().RecordDepositAsync(wallet.Id, 300_000_000, "faucet",
                "personal", default);
            return (accountId, fund.Id, wallet.Id);
        });
}
