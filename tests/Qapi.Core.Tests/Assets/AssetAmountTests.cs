using Qapi.Core.Assets;

namespace Qapi.Core.Tests.Assets;

public sealed class AssetAmountTests
{
    private static readonly Asset Eth = AssetCatalog.Find("ETH-TESTNET")!;

    [Theory]
    [InlineData("1", 1_000_000_000)]
    [InlineData("0.5", 500_000_000)]
    [InlineData("0.000000001", 1)]
    [InlineData("2.25", 2_250_000_000)]
    [InlineData("007", 7_000_000_000)]
    public void DecimalString_ConvertsWithTheAssetScale(string text, long expected)
    {
        Assert.True(AssetAmount.TryParse(text, Eth, out var units, out var reason), reason);
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("0.0000000001", "9 decimals")]
    [InlineData("-1", "plain decimal")]
    [InlineData("1e3", "plain decimal")]
    [InlineData(".5", "plain decimal")]
    [InlineData("5.", "plain decimal")]
    [InlineData("1,000", "plain decimal")]
    [InlineData(" 1", "plain decimal")]
    [InlineData("0", "positive")]
    [InlineData("0.000", "positive")]
    [InlineData("99999999999999999999", "too large")]
    public void MalformedOrOutOfRange_IsRefusedWithAReason(string? text, string says)
    {
        Assert.False(AssetAmount.TryParse(text, Eth, out var units, out var reason));
        Assert.Equal(0, units);
        Assert.Contains(says, reason);
    }

    [Fact]
    public void Decimals_FollowThePowerOfTenScale()
    {
        Assert.Equal(9, AssetAmount.DecimalsOf(1_000_000_000));
        Assert.Equal(0, AssetAmount.DecimalsOf(1));
        Assert.Throws<ArgumentException>(() => AssetAmount.DecimalsOf(250));
    }
}
