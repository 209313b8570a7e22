using Qapi.Core.Wallets;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmKeyDerivationVectorTests
{
    public static TheoryData<string> Paths => [.. EvmVectors.Derivations.Select(d => d.String("path"))];

    [Theory]
    [MemberData(nameof(Paths))]
    public void PrivateKeyAndAddress_VectorPath_MatchVector(string path)
    {
        var vector = EvmVectors.Derivations.Single(d => d.String("path") == path);
        var index = IndexOf(path);

        var privateKey = EvmKeyDerivation.PrivateKey(EvmVectors.Mnemonic, index);
        var address = EvmKeyDerivation.Address(EvmVectors.Mnemonic, index);

        Assert.Equal(vector.String("privateKey"), "0x" + Convert.ToHexStringLower(privateKey));
        Assert.Equal(vector.String("address"), address);
    }

    [Fact]
    public void Addresses_InIndexOrder_MatchTheVectors()
    {
        var byIndex = EvmVectors.Derivations.ToDictionary(d => IndexOf(d.String("path")), d => d.String("address"));
        var count = byIndex.Keys.Max() + 1;

        var addresses = EvmKeyDerivation.Addresses(EvmVectors.Mnemonic, count);

        Assert.Equal(count, addresses.Count);
        Assert.All(byIndex, pair => Assert.Equal(pair.Value, addresses[pair.Key]));
        Assert.Equal(EvmKeyDerivation.Address(EvmVectors.Mnemonic, count - 1), addresses[count - 1]);
    }

    internal static int IndexOf(string path)
    {
        var index = int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(path, EvmKeyDerivation.PathFor(index));
        return index;
    }
}
