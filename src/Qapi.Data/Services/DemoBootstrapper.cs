using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Core.Wallets;

namespace Qapi.Data.Services;

/// <summary>
/// Fills an empty sandbox with a demo organization (members, a fund, a 2-of-3 policy, a funded testnet Web3
/// wallet), an API key and an admin key for its administrator, so a newcomer can sign a first request
/// and administer the organization at once.
/// </summary>
public sealed class DemoBootstrapper(
    QapiDbContext db,
    AccountService accounts,
    FundService funds,
    WalletService wallets,
    LedgerService ledger,
    ApiKeyService keys)
{
    /// <summary>Whether the store has no account yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Accounts.AnyAsync(cancellationToken);

    /// <summary>Creates the demo account and returns its key's id and secret (the only time it is shown).</summary>
    public async Task<DemoCredentials> BootstrapAsync(CancellationToken cancellationToken)
    {
        var (alice, _) = await accounts.CreatePersonalAsync("alice", "Alice", "Admin", "alice@demo.qapi.test",
            cancellationToken);
        var (bob, _) = await accounts.CreatePersonalAsync("bob", "Bob", "Approver", "bob@demo.qapi.test",
            cancellationToken);
        var (carol, _) = await accounts.CreatePersonalAsync("carol", "Carol", "Approver", "carol@demo.qapi.test",
            cancellationToken);
        var (dave, _) = await accounts.CreatePersonalAsync("dave", "Dave", "Trader", "dave@demo.qapi.test",
            cancellationToken);

        var (org, _) = await accounts.CreateOrganizationAsync("Demo Organization", "ops@demo.qapi.test",
            "demo.qapi.test", "1 Custody Street, Sandbox City", cancellationToken);
        await accounts.AddMemberAsync(org.Id, alice.Id, MemberRole.Administrator, cancellationToken);
        await accounts.AddMemberAsync(org.Id, bob.Id, MemberRole.Approver, cancellationToken);
        await accounts.AddMemberAsync(org.Id, carol.Id, MemberRole.Approver, cancellationToken);
        await accounts.AddMemberAsync(org.Id, dave.Id, MemberRole.Trader, cancellationToken);

        var treasury = await funds.CreateAsync(org.Id, "Treasury", "Demo fund with a 2-of-3 policy",
            [alice.Id, bob.Id, carol.Id], 2, cancellationToken);
        var web3 = await wallets.CreateAsync(org.Id, treasury.Id, "Web3 API wallet", "ETH-TESTNET",
            WalletType.External, sandbox: true, cancellationToken);
        var operations = await wallets.CreateAsync(org.Id, treasury.Id, "Operations", "ETH-TESTNET",
            WalletType.Standard, sandbox: true, cancellationToken);
        await ledger.RecordDepositAsync(web3.Id, 2_000_000_000, "sandbox-faucet", "Sandbox faucet",
            cancellationToken);
        await ledger.RecordDepositAsync(operations.Id, 500_000_000, "sandbox-faucet", "Sandbox faucet",
            cancellationToken);

        await accounts.AddTrustedPartyAsync(alice.Id, bob.Id, pending: false, cancellationToken);
        await accounts.AddTrustedPartyAsync(alice.Id, carol.Id, pending: true, cancellationToken);

        var (key, secret) = await keys.CreateAsync(org.Id, "Demo key",
            ApiKeyPermissions.Balance | ApiKeyPermissions.ReadOnly | ApiKeyPermissions.Web3, [], null,
            cancellationToken);

        // Alice's own admin key reaches the organization she administers, through the admin API and the CLI.
        var (adminKey, adminSecret) = await keys.CreateAsync(alice.Id, "Demo admin key", ApiKeyPermissions.Admin,
            [], null, holderId: alice.Id, cancellationToken);
        return new DemoCredentials(key.Id, secret, org.Id, web3.Id, web3.Address, adminKey.Id, adminSecret,
            alice.Id);
    }
}
