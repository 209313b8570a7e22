using System.CommandLine;
using Qapi.Core.Accounts;
using Qapi.Data.Services;

namespace Qapi.Cli.Commands;

/// <summary>
/// The flags of <c>qapi restore</c>: <c>--account</c> for an account the store holds, or <c>--kind</c> and the
/// rest for a new one. There is deliberately no flag that takes the mnemonic itself.
/// </summary>
internal sealed class RestoreFlags
{
    private const int MaxWallets = 1000;

    public Option<string> Account { get; } = new("--account")
    {
        Description = "An account this store holds (id or username): check the mnemonic against all its wallets and "
            + "seal its seed and wallet keys again under this store's key-encryption key.",
    };

    public Option<string> Kind { get; } = new Option<string>("--kind")
    {
        Description = "Restore a new account of this kind: organization or personal.",
    }.AcceptOnlyFromAmong("organization", "personal");

    public Option<string> Name { get; } = new("--name")
    {
        Description = "The organization's name, or the person's \"First Last\" name.",
    };

    public Option<string> Username { get; } = new("--username") { Description = "A personal account's username." };

    public Option<string> Email { get; } = new("--email") { Description = "The account's email." };

    public Option<string[]> Approvers { get; } = new("--approver")
    {
        Description = "An organization's approver: a personal account in the store (id or username), made a member "
            + "and named in the restored fund's policies. Repeat for more; all of them must approve.",
        HelpName = "ACCOUNT",
    };

    public Option<string[]> Administrators { get; } = new("--admin")
    {
        Description = "An organization's administrator: a personal account in the store (id or username), made an "
            + "active member with the Administrator role, who can then manage its members, policies and keys. "
            + "Required for an organization; repeat for more. Also --approver to approve as well.",
        HelpName = "ACCOUNT",
    };

    public Option<string> Asset { get; } = new("--asset")
    {
        Description = "The asset of the restored wallets, such as ETH-TESTNET or ETH.",
    };

    public Option<string[]> Addresses { get; } = new("--address")
    {
        Description = "The address wallet 0 had; repeat for wallets 1, 2, ... in order. At least one: the mnemonic "
            + "must derive them, or nothing is restored.",
        HelpName = "0x...",
    };

    public Option<int?> Wallets { get; } = new("--wallets")
    {
        Description = "How many wallets to re-create (indexes 0 to N-1). Default: as many as --address gives.",
        HelpName = "N",
    };

    public Option<string> MnemonicFile { get; } = new("--mnemonic-file")
    {
        Description = "A file holding the mnemonic. Without it, standard input is read when redirected; on a "
            + "terminal, the mnemonic is asked for without echo.",
        HelpName = "FILE",
    };

    private IEnumerable<Option> NewAccountOptions =>
        [Kind, Name, Username, Email, Approvers, Administrators, Asset, Addresses, Wallets];

    public void AddTo(Command command)
    {
        command.Options.Add(Account);
        foreach (var option in NewAccountOptions)
        {
            command.Options.Add(option);
        }

        command.Options.Add(MnemonicFile);
    }

    public void RequireOneMode(ParseResult parse, bool existing)
    {
        var given = NewAccountOptions.Where(o => parse.GetResult(o) is not null).Select(o => o.Name).ToList();
        if (existing && given.Count > 0)
        {
            throw new CliInputException(
                $"--account restores into an account the store holds; {string.Join(", ", given)} are for a new one.");
        }

        if (!existing && parse.GetValue(Kind) is null)
        {
            throw new CliInputException(
                "Give --account (an account this store holds) or --kind (a new account) to restore.");
        }
    }

    /// <summary>The new account that the flags describe.</summary>
    public AccountRestore NewAccount(ParseResult parse)
    {
        var kind = parse.GetValue(Kind) == "personal" ? AccountKind.Personal : AccountKind.Organization;
        var addresses = parse.GetValue(Addresses) ?? [];
        var wallets = parse.GetValue(Wallets) ?? addresses.Length;
        if (wallets is < 1 or > MaxWallets)
        {
            throw new CliInputException($"--wallets must be from 1 to {MaxWallets}.");
        }

        return new AccountRestore(
            kind,
            Required(parse, Name),
            Required(parse, Email),
            kind == AccountKind.Personal ? Required(parse, Username) : parse.GetValue(Username),
            parse.GetValue(Approvers) ?? [],
            parse.GetValue(Administrators) ?? [],
            Required(parse, Asset),
            wallets,
            addresses);
    }

    private static string Required(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new CliInputException($"{option.Name} is required to restore a new account.");
}
