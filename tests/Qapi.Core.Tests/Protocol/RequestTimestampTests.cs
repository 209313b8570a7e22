using Qapi.Core.Protocol;

namespace Qapi.Core.Tests.Protocol;

public sealed class RequestTimestampTests
{
    [Theory]
    [InlineData("1700000000", TimestampUnit.Seconds)]
    [InlineData("1700000000123", TimestampUnit.Milliseconds)]
    [InlineData("1700000000123456", TimestampUnit.Microseconds)]
    [InlineData("1700000000123456789", TimestampUnit.Nanoseconds)]
    public void Timestamp_UnitToldApartByMagnitude(string text, TimestampUnit unit)
    {
        Assert.True(RequestTimestamp.TryParse(text, out var timestamp));
        Assert.Equal(unit, timestamp.Unit);
        Assert.Equal(1_700_000_000, timestamp.UnixMilliseconds / 1000);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1700000000")]
    [InlineData("1.7e9")]
    [InlineData("17000000000000000000")]
    [InlineData("9223372036854775808")]
    [InlineData("9999999999999999999")]
    [InlineData("１７")]
    public void Timestamp_NotPlainDigits_IsRefused(string? text) =>
        Assert.False(RequestTimestamp.TryParse(text, out _));

    [Fact]
    public void Offset_SaysWhichWayTheClockIsOff()
    {
        RequestTimestamp.TryParse("1700000100", out var timestamp);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        Assert.Equal(TimeSpan.FromSeconds(100), timestamp.OffsetFrom(now));
    }
}
