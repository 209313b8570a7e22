using System.Numerics;
using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmQuantityTests
{
    private const string MaxDecimal =
        "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    private const string TwoTo256Decimal =
        "115792089237316195423570985008687907853269984665640564039457584007913129639936";

    [Theory]
    [InlineData("0", "0")]
    [InlineData("21000", "21000")]
    [InlineData("007", "7")]
    [InlineData("1000000000000000000", "1000000000000000000")]
    [InlineData("0x0", "0")]
    [InlineData("0x00", "0")]
    [InlineData("0x5208", "21000")]
    [InlineData("0xff", "255")]
    [InlineData("0xFF", "255")]
    [InlineData("0x8000000000000000", "9223372036854775808")]
    public void TryParse_UnsignedInteger_GivesItsValue(string text, string expected)
    {
        Assert.True(EvmQuantity.TryParse(text, out var value, out var reason), reason);
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(MaxDecimal)]
    [InlineData("0x" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("000" + MaxDecimal)]
    [InlineData("0x000" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void TryParse_TwoTo256MinusOne_IsAccepted(string text)
    {
        Assert.True(EvmQuantity.TryParse(text, out var value, out var reason), reason);
        Assert.Equal(EvmQuantity.MaxUInt256, value);
    }

    [Theory]
    [InlineData(TwoTo256Decimal)]
    [InlineData("0x1" + "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("999999999999999999999999999999999999999999999999999999999999999999999999999999")]
    public void TryParse_TwoTo256OrMore_IsRejected(string text)
    {
        Assert.False(EvmQuantity.TryParse(text, out _, out var reason));
        Assert.Equal("must not exceed 2^256-1", reason);
    }

    [Fact]
    public void TryParse_HugeDigitString_IsRejectedAsTooLarge()
    {
        Assert.False(EvmQuantity.TryParse(new string('9', 100_000), out _, out var reason));
        Assert.Equal("must not exceed 2^256-1", reason);
    }

    [Theory]
    [InlineData(null, "must be present")]
    [InlineData("", "must not be empty")]
    [InlineData(" 1", "must not contain whitespace")]
    [InlineData("1 ", "must not contain whitespace")]
    [InlineData("1\t0", "must not contain whitespace")]
    [InlineData("1\u00a0", "must not contain whitespace")]
    [InlineData("-1", "must not be negative")]
    [InlineData("-0", "must not be negative")]
    [InlineData("0x", "must have hex digits after 0x")]
    public void TryParse_MalformedText_GivesPreciseReason(string? text, string expected)
    {
        Assert.False(EvmQuantity.TryParse(text, out var value, out var reason));
        Assert.Equal(expected, reason);
        Assert.Equal(BigInteger.Zero, value);
    }

    [Theory]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1e18")]
    [InlineData("1_000")]
    [InlineData("1,000")]
    [InlineData("abc")]
    [InlineData("ff")]
    [InlineData("0X10")]
    [InlineData("0xg1")]
    [InlineData("0x-1")]
    [InlineData("\uff11")]
    [InlineData("\u0661")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void TryParse_NonDigits_IsRejected(string text)
    {
        Assert.False(EvmQuantity.TryParse(text, out _, out var reason));
        Assert.Equal("must be an unsigned integer in decimal digits, or hex digits after 0x", reason);
    }
}
