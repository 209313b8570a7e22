namespace Qapi.Core.Assets;

/// <summary>The assets this server knows.</summary>
public static class AssetCatalog
{
    private static readonly Asset[] All =
    [
        new("ETH", 1_000_000_000, Testnet: false, EvmChainId: 1, AddressType: "eth"),
        new("ETH-TESTNET", 1_000_000_000, Testnet: true, EvmChainId: 11155111, AddressType: "eth"),
        new("MATIC", 1_000_000_000, Testnet: false, EvmChainId: 137, AddressType: "eth"),
        new("MATIC-TESTNET", 1_000_000_000, Testnet: true, EvmChainId: 80002, AddressType: "eth"),
    ];

    /// <summary>Every known asset.</summary>
    public static IReadOnlyList<Asset> Assets => All;

    /// <summary>Finds an asset by its code (case-insensitive).</summary>
    public static Asset? Find(string code) =>
        Array.Find(All, a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The scale of an asset, or 1 for an unknown code.</summary>
    public static long ScaleOf(string code) => Find(code)?.Scale ?? 1;
}
