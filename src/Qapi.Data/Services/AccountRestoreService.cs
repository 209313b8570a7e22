using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Assets;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Core.Protocol;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>
/// Re-creates accounts' wallet keys from their BIP-39 mnemonics. A mnemonic is checked before anything is
/// written, and each restore is one transaction, so a wrong mnemonic changes nothing. No message ever quotes it.
/// </summary>
public sealed class AccountRestoreService(
    QapiDbContext db, SeedVault seeds, Audit.AuditTrail audit, TimeProvider clock)
{
    /// <summary>The name of the fund that restored wallets go to.</summary>
    public const string FundName = "Restored";

    /// <summary>
    /// Checks, without a store, that the mnemonic is valid and derives the expected addresses at indexes 0, 1, ...
    /// </summary>
    public static void Verify(string mnemonic, IReadOnlyList<string> expectedAddresses)
    {
        RequireValid(mnemonic);
        if (expectedAddresses.Count == 0)
        {
            throw QapiError.Invalid("address_required",
                "Name at least the first wallet's address: it is how a wrong mnemonic is told apart.");
        }

        var expected = expectedAddresses.Select(ParseAddress).ToList();
        var derived = EvmKeyDerivation.Addresses(mnemonic, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (!expected[i].Equals(EvmAddress.Parse(derived[i])))
            {
                throw Mismatch($"wallet {i} would be at another address than {expected[i]}");
            }
        }
    }

    /// <summary>
    /// Every check of a new account's restore that needs no store: the mnemonic against the expected addresses,
    /// the asset, and the request's shape.
    /// </summary>
    public static void Check(AccountRestore request, string mnemonic, bool sandbox)
    {
        Verify(mnemonic, request.ExpectedAddresses);
        RequireAsset(request.Asset, sandbox);
        RequireShape(request);
    }

    /// <summary>
    /// Creates the account with this mnemonic as its seed, its administrators and approvers as active members
    /// (organization), a fund and
    /// the wallets at indexes 0 to <see cref="AccountRestore.Wallets"/> - 1, their keys sealed.
    /// </summary>
    public async Task<RestoredAccount> RestoreNewAsync(
        AccountRestore request, string mnemonic, bool sandbox, CancellationToken cancellationToken)
    {
        Check(request, mnemonic, sandbox);
        var asset = RequireAsset(request.Asset, sandbox);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Kind == AccountKind.Personal
            && await db.Accounts.AnyAsync(a => a.Username == request.Username, cancellationToken))
        {
            throw QapiError.Conflict("username_taken", $"The username '{request.Username}' is taken.");
        }

        var approvers = await ResolvePeopleAsync(request.Approvers, "approver", cancellationToken);
        var administrators = await ResolvePeopleAsync(request.Administrators, "administrator", cancellationToken);
        var addresses = EvmKeyDerivation.Addresses(mnemonic, request.Wallets);
        await RequireAddressesFreeAsync(addresses, cancellationToken);

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var account = NewAccount(request, mnemonic, now);
        db.Accounts.Add(account);
        // One membership each, active at once: an administrator named as an approver too approves as one.
        db.OrganizationMembers.AddRange(administrators.Union(approvers).Select(id => new OrganizationMember
        {
            OrganizationId = account.Id,
            UserId = id,
            Role = administrators.Contains(id) ? MemberRole.Administrator : MemberRole.Approver,
            CreatedAt = now,
        }));

        // Every named approver must approve until someone changes the policy: the safe side for a fund whose
        // people are being put back together.
        var policyMembers = request.Kind == AccountKind.Personal ? [account.Id] : approvers;
        var txPolicy = NewPolicy(account.Id, PolicyKind.Transaction, policyMembers, now);
        var withdrawPolicy = NewPolicy(account.Id, PolicyKind.Withdrawal, policyMembers, now);
        db.Policies.AddRange(txPolicy, withdrawPolicy);
        var fund = new Fund
        {
            Id = QapiId.New(),
            AccountId = account.Id,
            Name = FundName,
            Description = "Wallets re-created from the account's mnemonic",
            TxPolicyId = txPolicy.Id,
            WithdrawPolicyId = withdrawPolicy.Id,
            CreatedAt = now,
        };
        db.Funds.Add(fund);

        var wallets = addresses.Select((address, index) => NewWallet(account, fund, asset, index, address, now))
            .ToList();
        db.Wallets.AddRange(wallets);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("account.restore", account.Id, account.Id,
            new
            {
                kind = request.Kind.ToString(),
                fundId = fund.Id,
                wallets = wallets.Select(w => w.Address),
                administrators,
                approvers,
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RestoredAccount(account, fund, wallets);
    }

    /// <summary>
    /// For an account the store holds: checks that the mnemonic derives every one of its wallets (and matches its
    /// sealed seed, if that still opens), then seals the seed and every wallet key again under the current
    /// key-encryption key. This is the way back after the key-encryption key was lost.
    /// </summary>
    public async Task<RestoredAccount> ResealAsync(
        string accountId, string mnemonic, CancellationToken cancellationToken)
    {
        RequireValid(mnemonic);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw QapiError.NotFound("account_not_found", $"No account {accountId}.");
        var wallets = await db.Wallets.Where(w => w.AccountId == accountId).OrderBy(w => w.DerivationIndex)
            .ToListAsync(cancellationToken);

        var stored = TryOpenSeed(account);
        if (stored is not null && EvmKeyDerivation.Address(stored, 0) != EvmKeyDerivation.Address(mnemonic, 0))
        {
            throw Mismatch("it is not the seed this account holds");
        }

        if (stored is null && wallets.Count == 0)
        {
            throw QapiError.Invalid("nothing_to_verify",
                "The account's sealed seed cannot be opened and it has no wallets: the mnemonic cannot be checked.");
        }

        var derived = EvmKeyDerivation.Addresses(mnemonic, wallets.Count == 0 ? 0 : wallets[^1].DerivationIndex + 1);
        var wrong = wallets.FirstOrDefault(w =>
            !ParseAddress(w.Address).Equals(EvmAddress.Parse(derived[w.DerivationIndex])));
        if (wrong is not null)
        {
            throw Mismatch($"it does not derive wallet {wrong.Id} ({wrong.Address}) at index {wrong.DerivationIndex}");
        }

        account.EncryptedSeed = seeds.Seal(account.Id, mnemonic);
        foreach (var wallet in wallets)
        {
            wallet.EncryptedKey = seeds.SealWalletKey(account, wallet.DerivationIndex, wallet.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("account.reseal", account.Id, account.Id, new { wallets = wallets.Count },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RestoredAccount(account, null, wallets);
    }

    private Account NewAccount(AccountRestore request, string mnemonic, long now)
    {
        var id = QapiId.New();
        var (first, last) = request.Kind == AccountKind.Personal ? SplitName(request.Name) : (null, null);
        return new Account
        {
            Id = id,
            Kind = request.Kind,
            Username = request.Kind == AccountKind.Personal ? request.Username : null,
            FirstName = first,
            LastName = last,
            Name = request.Name.Trim(),
            Email = request.Email.Trim(),
            EncryptedSeed = seeds.Seal(id, mnemonic),
            NextWalletIndex = request.Wallets,
            CreatedAt = now,
        };
    }

    private Wallet NewWallet(Account account, Fund fund, Asset asset, int index, string address, long now)
    {
        var id = QapiId.New();
        return new Wallet
        {
            Id = id,
            FundId = fund.Id,
            AccountId = account.Id,
            Name = $"{asset.Code} wallet {index}",
            Type = WalletType.Standard,
            Asset = asset.Code,
            Address = address,
            EncryptedKey = seeds.SealWalletKey(account, index, id),
            DerivationIndex = index,
            ShortCode = id[^8..],
            CreatedAt = now,
        };
    }

    private static Policy NewPolicy(string accountId, PolicyKind kind, IReadOnlyList<string> approvers, long now)
    {
        var id = QapiId.New();
        var noun = kind == PolicyKind.Transaction ? "transactions" : "withdrawals";
        return new Policy
        {
            Id = id,
            AccountId = accountId,
            Name = $"{FundName} {noun}",
            Kind = kind,
            Threshold = approvers.Count,
            Members = approvers.Select(m => new PolicyMember { PolicyId = id, MemberId = m }).ToList(),
            CreatedAt = now,
        };
    }

    /// <summary>Personal accounts named by id or username, as ids; <paramref name="role"/> names errors.</summary>
    private async Task<List<string>> ResolvePeopleAsync(
        IReadOnlyList<string> people, string role, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var idOrUsername in people.Distinct())
        {
            var id = await db.Accounts.AsNoTracking()
                .Where(a => a.Kind == AccountKind.Personal && (a.Id == idOrUsername || a.Username == idOrUsername))
                .Select(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw QapiError.NotFound($"{role}_not_found",
                    $"No personal account with the id or username '{idOrUsername}' to be the organization's {role}.");
            ids.Add(id);
        }

        return ids.Distinct().ToList();
    }

    private async Task RequireAddressesFreeAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var taken = await db.Wallets.AsNoTracking().Where(w => addresses.Contains(w.Address))
            .Select(w => new { w.Address, w.AccountId }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            // Two accounts holding one key would keep two nonce counters and two policies for the same funds.
            throw QapiError.Conflict("address_in_use",
                $"Address {taken.Address} already belongs to account {taken.AccountId}: restore into that account.");
        }
    }

    private string? TryOpenSeed(Account account)
    {
        try
        {
            return seeds.Open(account);
        }
        catch (CryptographicException)
        {
            // Sealed under another key-encryption key (the one that was lost); the wallets decide instead.
            return null;
        }
    }

    private static void RequireShape(AccountRestore request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Email))
        {
            throw QapiError.Invalid("field_required", "A restored account needs a name and an email.");
        }

        if (request.Wallets < request.ExpectedAddresses.Count)
        {
            throw QapiError.Invalid("wallet_count_too_small",
                $"{request.ExpectedAddresses.Count} addresses were named but only {request.Wallets} wallets.");
        }

        switch (request.Kind)
        {
            case AccountKind.Personal when string.IsNullOrWhiteSpace(request.Username):
                throw QapiError.Invalid("field_required", "A personal account needs a username.");
            case AccountKind.Personal when request.Approvers.Count > 0:
                throw QapiError.Invalid("approver_not_eligible",
                    "A personal account's restored fund is approved by its owner; it takes no approvers.");
            case AccountKind.Personal when request.Administrators.Count > 0:
                throw QapiError.Invalid("administrator_not_eligible",
                    "A personal account is administered by its owner; it takes no administrators.");
            case AccountKind.Organization when request.Approvers.Count == 0:
                throw QapiError.Invalid("approver_required",
                    "An organization's restored fund needs at least one approver, a personal account in the store.");
            case AccountKind.Organization when request.Administrators.Count == 0:
                throw QapiError.Invalid("administrator_required",
                    "A restored organization needs at least one administrator, a personal account in the store: "
                    + "without one, nobody could manage its members, policies or keys.");
            case AccountKind.SigningAgent:
                throw QapiError.Invalid("kind_not_restorable", "Only personal and organization accounts are restored.");
        }
    }

    private static Asset RequireAsset(string code, bool sandbox)
    {
        var asset = AssetCatalog.Find(code) ?? throw QapiError.Invalid("unknown_asset", $"Unknown asset '{code}'.");
        if (!asset.IsEvm)
        {
            throw QapiError.Invalid("asset_not_supported", $"Wallets of {asset.Code} are not supported yet.");
        }

        return sandbox && !asset.Testnet
            ? throw QapiError.Invalid("mainnet_asset_in_sandbox", "The sandbox holds testnet assets only.")
            : asset;
    }

    private static void RequireValid(string mnemonic)
    {
        if (!EvmKeyDerivation.IsValidMnemonic(mnemonic))
        {
            throw QapiError.Invalid("mnemonic_invalid",
                "The mnemonic is not a valid English BIP-39 mnemonic: a word is misspelled, missing or out of "
                + "place (its checksum does not match).");
        }
    }

    private static EvmAddress ParseAddress(string text) =>
        EvmAddress.TryParse(text.Trim(), out var address, out var reason)
            ? address
            : throw QapiError.Invalid("invalid_address", $"The address '{text}' {reason}.");

    private static QapiError Mismatch(string why) =>
        QapiError.Invalid("mnemonic_mismatch", $"The mnemonic is not this account's: {why}. Nothing was changed.");

    private static (string First, string Last) SplitName(string name)
    {
        var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "");
    }
}
