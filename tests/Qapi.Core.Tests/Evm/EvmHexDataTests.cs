using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmHexDataTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    public void TryParse_MissingOrEmpty_GivesNoData(string? text)
    {
        Assert.True(EvmHexData.TryParse(text, out var data, out var reason), reason);
        Assert.Empty(data);
    }

    [Theory]
    [InlineData("0xa9059cbb")]
    [InlineData("a9059cbb")]
    [InlineData("0xA9059CBB")]
    [InlineData("A9059cBB")]
    public void TryParse_HexWithOrWithout0x_GivesBytes(string text)
    {
        Assert.True(EvmHexData.TryParse(text, out var data, out var reason), reason);
        Assert.Equal(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, data.ToArray());
        Assert.Equal("0xa9059cbb", EvmHexData.ToHex(data.AsSpan()));
    }

    [Theory]
    [InlineData("0xabc", "must have an even number of hex digits (whole bytes)")]
    [InlineData("a", "must have an even number of hex digits (whole bytes)")]
    [InlineData("0xzz", "must contain only hex digits, after an optional 0x")]
    [InlineData("0X00", "must contain only hex digits, after an optional 0x")]
    [InlineData("0x0x00", "must contain only hex digits, after an optional 0x")]
    [InlineData("transfer()", "must contain only hex digits, after an optional 0x")]
    [InlineData("0xa9 05", "must not contain whitespace")]
    [InlineData(" ", "must not contain whitespace")]
    public void TryParse_BadHex_GivesPreciseReason(string text, string expected)
    {
        Assert.False(EvmHexData.TryParse(text, out _, out var reason));
        Assert.Equal(expected, reason);
    }
}
