using System.Numerics;

namespace Qapi.Core.Transactions;

/// <summary>EVM chains Qapi knows, and which of them are testnets (the only chains a sandbox signs for).</summary>
public static class ChainCatalog
{
    private static readonly Dictionary<BigInteger, (string Name, bool Testnet)> Chains = new()
    {
        [1] = ("Ethereum", false),
        [137] = ("Polygon", false),
        [11155111] = ("Sepolia", true),
        [17000] = ("Holesky", true),
        [560048] = ("Hoodi", true),
        [80002] = ("Polygon Amoy", true),
        [1337] = ("Local development chain", true),
        [31337] = ("Local development chain", true),
    };

    /// <summary>Whether the chain is a known testnet.</summary>
    public static bool IsTestnet(BigInteger chainId) => Chains.TryGetValue(chainId, out var c) && c.Testnet;

    /// <summary>The chain's name, or its number when unknown.</summary>
    public static string NameOf(BigInteger chainId) =>
        Chains.TryGetValue(chainId, out var c) ? c.Name : "chain " + chainId;
}
