using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Accounts;
using Qapi.Core.Security;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Configuration;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Tests;

/// <summary>
/// <c>qapi restore</c>: accounts made by the domain services, re-created from their mnemonics on a fresh data
/// directory (same addresses, in order, and the same keys), and wrong mnemonics refused without a change.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RestoreCommandTests(ServerFixture server) : IDisposable
{
    private readonly string _scratch =
        Path.Combine(Path.GetTempPath(), "qapi-restore-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restore_OnAFreshDataDirectory_RecreatesTheSameAddressesInOrderAndTheSameKeys()
    {
        var original = await OriginalsAsync();
        var fresh = Path.Combine(_scratch, "fresh");
        var wordsFile = SecretFile(original.PersonWords);

        var person = await CliRun.RunAsync(["restore", "--kind", "personal", "--username", original.Username,
            "--name", "Pat Doe", "--email", "pat@restored.test", "--asset", "ETH-TESTNET",
            "--address", original.PersonAddresses[0], "--wallets", "2", "--mnemonic-file", wordsFile,
            "--data", fresh]);
        var organization = await CliRun.RunAsync(["restore", "--kind", "organization", "--name", "Acme",
            "--email", "ops@acme.test", "--approver", original.Username, "--admin", original.Username,
            "--asset", "ETH-TESTNET", "--address", original.OrgAddresses[0], "--address", original.OrgAddresses[1],
            "--wallets", "3", "--data", fresh], original.OrgWords + "\n");

        Assert.True(person.ExitCode == ExitCodes.Ok, person.Error);
        Assert.Contains("Created a new store", person.Error);
        Assert.True(organization.ExitCode == ExitCodes.Ok, organization.Error);
        Assert.All(original.OrgAddresses, a => Assert.Contains(a, organization.Out));
        foreach (var output in new[] { person.Out, person.Error, organization.Out, organization.Error })
        {
            AssertNoMnemonic(output, original.PersonWords);
            AssertNoMnemonic(output, original.OrgWords);
        }

        await using var restored = StoreOf(fresh);
        await using var scope = restored.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<SeedVault>();
        var personId = await db.Accounts.Where(a => a.Username == original.Username).Select(a => a.Id).SingleAsync();
        var orgId = await db.Accounts.Where(a => a.Kind == AccountKind.Organization).Select(a => a.Id).SingleAsync();
        Assert.Equal(original.PersonAddresses, await AddressesAsync(db, personId));
        Assert.Equal(original.OrgAddresses, await AddressesAsync(db, orgId));
        foreach (var wallet in await db.Wallets.Where(w => w.AccountId == orgId).ToListAsync())
        {
            Assert.Equal(EvmKeyDerivation.PrivateKey(original.OrgWords, wallet.DerivationIndex),
                vault.OpenWalletKey(wallet.Id, wallet.EncryptedKey));
        }

        var fund = await db.Funds.Include(f => f.TxPolicy!).ThenInclude(p => p.Members)
            .SingleAsync(f => f.AccountId == orgId);
        Assert.Equal([personId], fund.TxPolicy!.Members.Select(m => m.MemberId));
        Assert.Equal(3, (await db.Accounts.SingleAsync(a => a.Id == orgId)).NextWalletIndex);
        Assert.Equal([("account.restore", personId, "operator"), ("account.restore", orgId, "operator")],
            await AuditAsync(db, after: 0));
        SqliteConnection.ClearAllPools();
        AssertNotInFiles(fresh, original.OrgWords);
    }

    [Fact]
    public async Task Restore_Organization_MakesItsAdministratorsActiveAdministrators_WhoCanHoldAnAdminKey()
    {
        var original = await OriginalsAsync();
        var fresh = Path.Combine(_scratch, "fresh");
        var opsWords = EvmKeyDerivation.NewMnemonic();
        var ops = "ops" + original.Username;
        await RestorePersonAsync(fresh, original.Username, original.PersonWords, original.PersonAddresses[0]);
        await RestorePersonAsync(fresh, ops, opsWords, EvmKeyDerivation.Addresses(opsWords, 1)[0]);

        var organization = await CliRun.RunAsync(["restore", "--kind", "organization", "--name", "Acme",
            "--email", "ops@acme.test", "--approver", original.Username, "--admin", ops, "--asset", "ETH-TESTNET",
            "--address", original.OrgAddresses[0], "--data", fresh], original.OrgWords);

        Assert.True(organization.ExitCode == ExitCodes.Ok, organization.Error);
        await using (var restored = StoreOf(fresh))
        await using (var scope = restored.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var orgId = await db.Accounts.Where(a => a.Kind == AccountKind.Organization).Select(a => a.Id)
                .SingleAsync();
            var members = await db.OrganizationMembers.Where(m => m.OrganizationId == orgId)
                .OrderBy(m => m.Role).Select(m => new { m.User!.Username, m.Role, m.Pending }).ToListAsync();
            Assert.Equal([(ops, MemberRole.Administrator, false), (original.Username, MemberRole.Approver, false)],
                members.Select(m => (m.Username!, m.Role, m.Pending)));
            var fund = await db.Funds.Include(f => f.TxPolicy!).ThenInclude(p => p.Members)
                .SingleAsync(f => f.AccountId == orgId);
            Assert.Equal([await IdOfAsync(db, original.Username)], fund.TxPolicy!.Members.Select(m => m.MemberId));

            // An operator can now give the administrator the key that runs the organization through the admin API.
            var adminKey = await CliRun.RunAsync(["keys", "create", "--account", orgId, "--permissions", "admin",
                "--holder", ops, "--data", fresh]);
            var approverKey = await CliRun.RunAsync(["keys", "create", "--account", orgId, "--permissions", "admin",
                "--holder", original.Username, "--data", fresh]);
            Assert.True(adminKey.ExitCode == ExitCodes.Ok, adminKey.Error);
            Assert.Equal(ExitCodes.BadInput, approverKey.ExitCode);
            Assert.Contains("Only an organization's administrators may hold an admin key", approverKey.Error);
        }

        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("another seed")]
    [InlineData("bad checksum")]
    public async Task Restore_WrongMnemonicOnAFreshDirectory_IsRefusedAndCreatesNothing(string wrong)
    {
        var original = await OriginalsAsync();
        var fresh = Path.Combine(_scratch, "fresh");

        var result = await CliRun.RunAsync(["restore", "--kind", "personal", "--username", original.Username,
            "--name", "Pat", "--email", "pat@restored.test", "--asset", "ETH-TESTNET",
            "--address", original.PersonAddresses[0], "--data", fresh], Wrong(original.PersonWords, wrong));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("mnemonic", result.Error);
        Assert.False(Directory.Exists(fresh));
    }

    [Theory]
    [InlineData("another seed")]
    [InlineData("bad checksum")]
    public async Task Restore_WrongMnemonicForAnAccountTheStoreHolds_IsRefusedAndChangesNothing(string wrong)
    {
        var original = await OriginalsAsync();
        var before = await SnapshotAsync(server.Services, original.OrgId);

        var result = await CliRun.RunAsync(["restore", "--account", original.OrgId, "--data", server.DataDirectory],
            Wrong(original.OrgWords, wrong));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("mnemonic", result.Error);
        Assert.Equal(before, await SnapshotAsync(server.Services, original.OrgId));
    }

    [Fact]
    public async Task Restore_AfterTheKeyEncryptionKeyWasLost_SealsTheSeedAndKeysAgain()
    {
        var original = await OriginalsAsync();
        var copy = Path.Combine(_scratch, "copy");
        Directory.CreateDirectory(copy);
        await using (var connection = new SqliteConnection(
            $"Data Source={Path.Combine(server.DataDirectory, "qapi.db")}"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{Path.Combine(copy, "qapi.db")}'";
            await vacuum.ExecuteNonQueryAsync();
        }

        // What `qapi serve` does with no key file: a new key, under which the old sealed secrets do not open.
        var newKey = Convert.ToBase64String(SecretProtector.GenerateKey());
        OwnerOnlyFile.WriteAllText(Path.Combine(copy, "qapi.kek"), newKey);
        await using var store = StoreOf(copy);
        var lost = await SnapshotAsync(store, original.OrgId);
        Assert.ThrowsAny<CryptographicException>(() => OpenKeys(store, original.OrgId));

        var head = await AuditHeadAsync(store);

        var wrongResult = await CliRun.RunAsync(["restore", "--account", original.OrgId, "--data", copy],
            Wrong(original.OrgWords, "another seed"));
        var unchanged = await SnapshotAsync(store, original.OrgId);
        var unaudited = await AuditHeadAsync(store);
        var result = await CliRun.RunAsync(["restore", "--account", original.OrgId, "--data", copy],
            original.OrgWords);

        Assert.Equal(ExitCodes.BadInput, wrongResult.ExitCode);
        Assert.Equal(lost, unchanged);
        Assert.Equal(head, unaudited);
        await using (var scope = store.CreateAsyncScope())
        {
            Assert.Equal([("account.reseal", original.OrgId, "operator")],
                await AuditAsync(scope.ServiceProvider.GetRequiredService<QapiDbContext>(), head));
        }

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("all 3 wallets", result.Out);
        AssertNoMnemonic(result.Out + result.Error, original.OrgWords);
        var keys = OpenKeys(store, original.OrgId);
        Assert.Equal(Enumerable.Range(0, 3).Select(i => EvmKeyDerivation.PrivateKey(original.OrgWords, i)), keys);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Restore_OnATerminal_PromptsWithoutEcho()
    {
        var original = await OriginalsAsync();
        var fresh = Path.Combine(_scratch, "prompted");
        var prompts = new List<string>();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole
        {
            Input = new MemoryStream(),
            Out = output,
            Error = error,
            IsInputRedirected = false,
            ReadSecret = prompt =>
            {
                prompts.Add(prompt);
                return original.PersonWords;
            },
        };

        var exit = await QapiCommandLine.RunAsync(["restore", "--kind", "personal", "--username", original.Username,
            "--name", "Pat", "--email", "pat@restored.test", "--asset", "ETH-TESTNET",
            "--address", original.PersonAddresses[0], "--data", fresh], console, TestContext.Current.CancellationToken);

        Assert.True(exit == ExitCodes.Ok, error.ToString());
        Assert.Single(prompts);
        Assert.Contains("not shown", prompts[0]);
        AssertNoMnemonic(output + error.ToString(), original.PersonWords);
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("no mode")]
    [InlineData("both modes")]
    [InlineData("organization on a fresh store")]
    [InlineData("mainnet asset in the sandbox")]
    [InlineData("personal with an approver")]
    [InlineData("personal with an administrator")]
    [InlineData("organization without an administrator")]
    [InlineData("addresses already in use")]
    [InlineData("no address")]
    public async Task Restore_BadInput_ExitsTwoAndChangesNothing(string input)
    {
        var original = await OriginalsAsync();
        var fresh = Path.Combine(_scratch, "fresh");
        // A seed whose addresses the store does not hold, so that only the missing administrator is wrong.
        var spare = EvmKeyDerivation.NewMnemonic();
        string[] personal = ["--kind", "personal", "--username", "pat2" + original.Username, "--name", "P",
            "--email", "p@x.test"];
        string[] args = input switch
        {
            "no mode" => ["--asset", "ETH-TESTNET", "--data", fresh],
            "both modes" => ["--account", original.OrgId, "--kind", "personal", "--data", server.DataDirectory],
            "organization on a fresh store" => ["--kind", "organization", "--name", "Acme", "--email", "o@x.test",
                "--approver", "alice", "--admin", "alice", "--asset", "ETH-TESTNET",
                "--address", original.OrgAddresses[0], "--data", fresh],
            "mainnet asset in the sandbox" => [.. personal, "--asset", "ETH", "--address",
                original.PersonAddresses[0], "--data", fresh],
            "personal with an approver" => [.. personal, "--asset", "ETH-TESTNET", "--approver", "alice",
                "--address", original.PersonAddresses[0], "--data", fresh],
            "personal with an administrator" => [.. personal, "--asset", "ETH-TESTNET", "--admin", "alice",
                "--address", original.PersonAddresses[0], "--data", fresh],
            "organization without an administrator" => ["--kind", "organization", "--name", "Acme",
                "--email", "o@x.test", "--approver", "alice", "--asset", "ETH-TESTNET",
                "--address", EvmKeyDerivation.Addresses(spare, 1)[0], "--data", server.DataDirectory],
            "addresses already in use" => ["--kind", "organization", "--name", "Acme", "--email", "o@x.test",
                "--approver", "alice", "--admin", "alice", "--asset", "ETH-TESTNET",
                "--address", original.OrgAddresses[0], "--data", server.DataDirectory],
            _ => [.. personal, "--asset", "ETH-TESTNET", "--data", fresh],
        };
        var words = input switch
        {
            "mainnet asset in the sandbox" or "personal with an approver" or "personal with an administrator"
                or "no address" => original.PersonWords,
            "organization without an administrator" => spare,
            _ => original.OrgWords,
        };
        var before = await SnapshotAsync(server.Services, original.OrgId);

        var result = await CliRun.RunAsync(["restore", .. args], words);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(fresh));
        Assert.Equal(before, await SnapshotAsync(server.Services, original.OrgId));
    }

    [Fact]
    public async Task Restore_MnemonicTypedOnTheCommandLine_IsRefusedWithoutRepeatingIt()
    {
        var original = await OriginalsAsync();
        var words = original.OrgWords.Split(' ');

        var result = await CliRun.RunAsync(["restore", "--account", original.OrgId, "--mnemonic", .. words,
            "--data", server.DataDirectory]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("never from the command line", result.Error);
        AssertNoMnemonic(result.Error, original.OrgWords);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private sealed record Originals(
        string Username,
        string PersonWords,
        string[] PersonAddresses,
        string OrgId,
        string OrgWords,
        string[] OrgAddresses);

    /// <summary>A person with two wallets and an organization with three, made by the server's own services.</summary>
    private async Task<Originals> OriginalsAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var accounts = sp.GetRequiredService<AccountService>();
        var funds = sp.GetRequiredService<FundService>();
        var wallets = sp.GetRequiredService<WalletService>();
        var username = "pat" + Guid.NewGuid().ToString("N")[..8];

        var (person, personWords) = await accounts.CreatePersonalAsync(username, "Pat", "Doe", username + "@x.test",
            default);
        var savings = await funds.CreateAsync(person.Id, "Savings", "", [person.Id], 1, default);
        var personAddresses = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            personAddresses.Add((await wallets.CreateAsync(person.Id, savings.Id, $"P{i}", "ETH-TESTNET",
                WalletType.Standard, sandbox: true, default)).Address);
        }

        var (org, orgWords) = await accounts.CreateOrganizationAsync("Acme", "ops@acme.test", "acme.test", "",
            default);
        await accounts.AddMemberAsync(org.Id, person.Id, MemberRole.Administrator, default);
        var operations = await funds.CreateAsync(org.Id, "Operations", "", [person.Id], 1, default);
        var orgAddresses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orgAddresses.Add((await wallets.CreateAsync(org.Id, operations.Id, $"O{i}", "ETH-TESTNET",
                WalletType.Standard, sandbox: true, default)).Address);
        }

        return new Originals(username, personWords, [.. personAddresses], org.Id, orgWords, [.. orgAddresses]);
    }

    /// <summary>Row counts of what a restore writes, and the account's sealed seed and wallet keys.</summary>
    private static async Task<string> SnapshotAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var counts = new[]
        {
            await db.Accounts.CountAsync(), await db.OrganizationMembers.CountAsync(), await db.Policies.CountAsync(),
            await db.PolicyMembers.CountAsync(), await db.Funds.CountAsync(), await db.Wallets.CountAsync(),
        };
        var seed = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.EncryptedSeed).SingleAsync();
        var keys = await db.Wallets.Where(w => w.AccountId == accountId).OrderBy(w => w.DerivationIndex)
            .Select(w => w.EncryptedKey).ToListAsync();
        return string.Join('|', [.. counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            seed, .. keys]);
    }

    private static List<byte[]> OpenKeys(IServiceProvider services, string accountId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<SeedVault>();
        return db.Wallets.Where(w => w.AccountId == accountId).OrderBy(w => w.DerivationIndex).ToList()
            .Select(w => vault.OpenWalletKey(w.Id, w.EncryptedKey)).ToList();
    }

    private static async Task<List<(string Action, string AccountId, string Actor)>> AuditAsync(
        QapiDbContext db, long after) =>
        (await db.AuditEntries.Where(e => e.Id > after).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.AccountId, e.Actor }).ToListAsync())
        .Select(e => (e.Action, e.AccountId, e.Actor)).ToList();

    private static async Task<long> AuditHeadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QapiDbContext>().AuditEntries
            .MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task RestorePersonAsync(string data, string username, string words, string address)
    {
        var result = await CliRun.RunAsync(["restore", "--kind", "personal", "--username", username,
            "--name", "Pat Doe", "--email", username + "@restored.test", "--asset", "ETH-TESTNET",
            "--address", address, "--data", data], words);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
    }

    private static Task<string> IdOfAsync(QapiDbContext db, string username) =>
        db.Accounts.Where(a => a.Username == username).Select(a => a.Id).SingleAsync();

    private static Task<List<string>> AddressesAsync(QapiDbContext db, string accountId) =>
        db.Wallets.Where(w => w.AccountId == accountId).OrderBy(w => w.DerivationIndex).Select(w => w.Address)
            .ToListAsync();

    private static ServiceProvider StoreOf(string dataDirectory) =>
        new ServiceCollection()
            .AddQapiStore(new QapiOptions { DataDirectory = dataDirectory })
            .BuildServiceProvider();

    /// <summary>A valid mnemonic of another seed, or the right words but the last (the checksum fails).</summary>
    private static string Wrong(string mnemonic, string how)
    {
        if (how == "another seed")
        {
            return EvmKeyDerivation.NewMnemonic();
        }

        var words = mnemonic.Split(' ');
        foreach (var candidate in new[] { "abandon", "ability", "able", "about", "above" })
        {
            var changed = string.Join(' ', [.. words[..^1], candidate]);
            if (changed != mnemonic && !EvmKeyDerivation.IsValidMnemonic(changed))
            {
                return changed;
            }
        }

        throw new InvalidOperationException("No checksum-breaking word found.");
    }

    private string SecretFile(string text)
    {
        var path = Path.Combine(_scratch, "words.txt");
        OwnerOnlyFile.WriteAllText(path, text + "\n");
        return path;
    }

    /// <summary>Neither the mnemonic nor any two of its words in a row.</summary>
    private static void AssertNoMnemonic(string text, string mnemonic)
    {
        var words = mnemonic.Split(' ');
        for (var i = 0; i + 1 < words.Length; i++)
        {
            Assert.DoesNotContain(words[i] + " " + words[i + 1], text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertNotInFiles(string directory, string mnemonic)
    {
        var needle = Encoding.UTF8.GetBytes(string.Join(' ', mnemonic.Split(' ')[..2]));
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"{file} holds the mnemonic");
        }
    }
}
