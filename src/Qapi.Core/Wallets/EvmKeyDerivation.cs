using NBitcoin;
using Nethereum.Util;

namespace Qapi.Core.Wallets;

/// <summary>
/// EVM wallet keys from an account's BIP-39 mnemonic along BIP-44 <c>m/44'/60'/0'/0/i</c>.
/// </summary>
public static class EvmKeyDerivation
{
    // BIP-44: purpose 44', coin type 60' (Ether), account 0', external chain 0; the wallet index comes last.
    private const string ChainPath = "m/44'/60'/0'/0";

    /// <summary>The BIP-44 path of the wallet at the given index.</summary>
    public static string PathFor(int index) =>
        index >= 0 ? $"{ChainPath}/{index}" : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A new 24-word English mnemonic.</summary>
    public static string NewMnemonic() => new Mnemonic(Wordlist.English, WordCount.TwentyFour).ToString();

    /// <summary>Whether text is a valid English BIP-39 mnemonic (words and checksum).</summary>
    public static bool IsValidMnemonic(string text)
    {
        try
        {
            return new Mnemonic(Normalize(text), Wordlist.English).IsValidChecksum;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The 32-byte private key of the wallet at the index.</summary>
    public static byte[] PrivateKey(string mnemonic, int index)
    {
        var root = new Mnemonic(Normalize(mnemonic), Wordlist.English).DeriveExtKey();
        var key = root.Derive(KeyPath.Parse(PathFor(index))).PrivateKey;
        return key.ToBytes();
    }

    /// <summary>The EIP-55 checksummed address of the wallet at the index.</summary>
    public static string Address(string mnemonic, int index)
    {
        var root = new Mnemonic(Normalize(mnemonic), Wordlist.English).DeriveExtKey();
        var pubKey = root.Derive(KeyPath.Parse(PathFor(index))).PrivateKey.PubKey;
        return AddressOf(pubKey.Decompress().ToBytes());
    }

    /// <summary>
    /// The EIP-55 addresses of the wallets at indexes 0 to <paramref name="count"/> - 1, in order, stretching the
    /// mnemonic into its seed once.
    /// </summary>
    public static IReadOnlyList<string> Addresses(string mnemonic, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var root = new Mnemonic(Normalize(mnemonic), Wordlist.English).DeriveExtKey();
        var chain = root.Derive(KeyPath.Parse(ChainPath));
        return Enumerable.Range(0, count)
            .Select(i => AddressOf(chain.Derive((uint)i).PrivateKey.PubKey.Decompress().ToBytes()))
            .ToList();
    }

    /// <summary>The EIP-55 address of a 65-byte uncompressed secp256k1 public key.</summary>
    public static string AddressOf(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        var hash = Sha3Keccack.Current.CalculateHash(uncompressedPublicKey[1..].ToArray());
        var hex = Convert.ToHexStringLower(hash, 12, 20);
        return new AddressUtil().ConvertToChecksumAddress("0x" + hex);
    }

    private static string Normalize(string mnemonic) =>
        string.Join(' ', mnemonic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
