using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmAddressTests
{
    private const string Checksummed = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    [Theory]
    [InlineData(Checksummed)]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData("0x70997970C51812DC3A010C7D01B50E0D17DC79C8")]
    public void TryParse_LowerUpperOrChecksummedCase_GivesChecksummedAddress(string text)
    {
        Assert.True(EvmAddress.TryParse(text, out var address, out var reason), reason);
        Assert.Equal(Checksummed, address.ToString());
        Assert.Equal(EvmAddress.Parse(Checksummed), address);
        Assert.Equal(20, address.Bytes.Length);
    }

    [Theory]
    [InlineData("0x70997970c51812dc3A010C7d01b50e0d17dc79C8")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79c8")]
    [InlineData("0x6b175474E89094C44Da98b954EedeAC495271d0F")]
    public void TryParse_MixedCaseWithWrongChecksum_IsRejected(string text)
    {
        Assert.False(EvmAddress.TryParse(text, out var address, out var reason));
        Assert.Null(address);
        Assert.Equal("must match its EIP-55 checksum (mixed-case hex is read as checksummed)", reason);
    }

    [Theory]
    [InlineData(null, "must be present")]
    [InlineData("", "must not be empty")]
    [InlineData(" " + Checksummed, "must not contain whitespace")]
    [InlineData(Checksummed + "\n", "must not contain whitespace")]
    [InlineData("70997970C51812dc3A010C7d01b50e0d17dc79C8", "must start with 0x")]
    [InlineData("0X70997970C51812dc3A010C7d01b50e0d17dc79C8", "must start with 0x")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79C", "must be 20 bytes: 40 hex digits after 0x")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79C800", "must be 20 bytes: 40 hex digits after 0x")]
    [InlineData("0x", "must be 20 bytes: 40 hex digits after 0x")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79Cg", "must contain only hex digits after 0x")]
    [InlineData("vitalik.eth", "must start with 0x")]
    public void TryParse_MalformedText_GivesPreciseReason(string? text, string expected)
    {
        Assert.False(EvmAddress.TryParse(text, out _, out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Parse_MalformedText_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => EvmAddress.Parse("0x1234"));
    }

    [Fact]
    public void FromBytes_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => EvmAddress.FromBytes(new byte[19]));
    }
}
