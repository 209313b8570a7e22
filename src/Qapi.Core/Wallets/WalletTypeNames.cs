namespace Qapi.Core.Wallets;

/// <summary>Wallet types as the admin API writes them: snake_case names, or the spec's numbers on input.</summary>
public static class WalletTypeNames
{
    private static readonly (WalletType Type, string Name)[] Names =
    [
        (WalletType.Standard, "standard"),
        (WalletType.Dedicated, "dedicated"),
        (WalletType.MultiCounterparty, "multi_counterparty"),
        (WalletType.Vesting, "vesting"),
        (WalletType.External, "external"),
        (WalletType.Fee, "fee"),
    ];

    /// <summary>Every name, in the spec's order.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>The type's name.</summary>
    public static string Format(WalletType type) => Array.Find(Names, n => n.Type == type).Name ?? "standard";

    /// <summary>A type from its name (case-insensitive) or its spec number.</summary>
    public static bool TryParse(string text, out WalletType type)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)
                || text == ((int)candidate).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                type = candidate;
                return true;
            }
        }

        type = WalletType.Standard;
        return false;
    }
}
