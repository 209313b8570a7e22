using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Core.Wallets;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin.Keys;

/// <summary>
/// An organization seeded through the domain services: an administrator, an approver and a trader, each with an
/// <c>admin</c> key of their own personal account, and a fund with two funded wallets.
/// </summary>
public sealed record AdminOrganization(
    string OrgId,
    AdminPerson Administrator,
    AdminPerson Approver,
    AdminPerson Trader,
    string FundId,
    string Wallet1,
    string Wallet2)
{
    public const long Wallet1Balance = 1_100_000_000;
    public const long Wallet2Balance = 2_200_000_000;

    public static Task<AdminOrganization> CreateAsync(QapiServerFixture server) => server.InScopeAsync(async sp =>
    {
        var accounts = sp.GetRequiredService<AccountService>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (org, _) = await accounts.CreateOrganizationAsync("Org " + suffix, $"ops@{suffix}.test",
            suffix + ".test", "", default);
        var administrator = await PersonAsync(sp, org.Id, "ada" + suffix, MemberRole.Administrator);
        var approver = await PersonAsync(sp, org.Id, "abe" + suffix, MemberRole.Approver);
        var trader = await PersonAsync(sp, org.Id, "tom" + suffix, MemberRole.Trader);

        var fund = await sp.GetRequiredService<FundService>().CreateAsync(org.Id, "Treasury", "",
            [administrator.Id, approver.Id], 1, default);
        var wallets = sp.GetRequiredService<WalletService>();
        var ledger = sp.GetRequiredService<LedgerService>();
        var w1 = await wallets.CreateAsync(org.Id, fund.Id, "Hot", "ETH-TESTNET", WalletType.Standard, true, default);
        var w2 = await wallets.CreateAsync(org.Id, fund.Id, "Cold", "ETH-TESTNET", WalletType.Standard, true, default);
        await ledger.RecordDepositAsync(w1.Id, Wallet1Balance, "faucet", "seed 1", default);
        await ledger.RecordDepositAsync(w2.Id, Wallet2Balance, "faucet", "seed 2", default);
        return new AdminOrganization(org.Id, administrator, approver, trader, fund.Id, w1.Id, w2.Id);
    });

    private static async Task<AdminPerson> PersonAsync(
        IServiceProvider sp, string orgId, string username, MemberRole role)
    {
        var (person, _) = await sp.GetRequiredService<AccountService>().CreatePersonalAsync(username, username,
            "Test", username + "@people.test", default);
        await sp.GetRequiredService<AccountService>().AddMemberAsync(orgId, person.Id, role, default);
        var (key, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(person.Id, "own admin key",
            ApiKeyPermissions.Admin, [], null, person.Id, default);
        return new AdminPerson(person.Id, key.Id, secret);
    }
}

/// <summary>A person and the <c>admin</c> key of their own personal account.</summary>
public sealed record AdminPerson(string Id, string KeyId, string Secret)
{
    public SignedClient AdminClient(QapiServerFixture server) =>
        new(server.Http, server.Origin + "/qapi/admin/v1", KeyId, Secret);
}
