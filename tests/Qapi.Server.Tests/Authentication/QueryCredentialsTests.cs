using Qapi.Server.Authentication;

namespace Qapi.Server.Tests.Authentication;

/// <summary>What a browser's feed URL is signed over: the target without the three credential parameters.</summary>
public sealed class QueryCredentialsTests
{
    [Theory]
    [InlineData("/qapi/v1/transactions/feed?qredo-api-key=K&qredo-api-ts=1&qredo-api-sig=S",
        "/qapi/v1/transactions/feed")]
    [InlineData("/qapi/v1/transactions/feed?after=12&qredo-api-key=K&qredo-api-ts=1&qredo-api-sig=S",
        "/qapi/v1/transactions/feed?after=12")]
    [InlineData("/f?QREDO-API-KEY=K&b=%20x&qredo-api-ts=1&&c&qredo-api-sig=S&a=2",
        "/f?b=%20x&&c&a=2")]
    public void SignedTarget_DropsTheCredentials_AndKeepsEveryOtherByteInOrder(string target, string signed)
    {
        var credentials = QueryCredentials.Parse(target);

        Assert.NotNull(credentials);
        Assert.Equal(signed, credentials.SignedTarget);
        Assert.Equal(("K", "1", "S"), (credentials.KeyId, credentials.Timestamp, credentials.Signature));
    }

    [Fact]
    public void Values_ArePercentDecoded_ButAPlusStaysAPlus()
    {
        var credentials = QueryCredentials.Parse("/f?qredo-api-key=K&qredo-api-ts=1&qredo-api-sig=a%2Bb+c%3D");

        Assert.Equal("a+b+c=", credentials!.Signature);
    }

    [Theory]
    [InlineData("/f?qredo-api-key=K&qredo-api-ts=1")]
    [InlineData("/f?qredo-api-key=K&qredo-api-ts=1&qredo-api-sig=")]
    [InlineData("/f?qredo-api-key=K&qredo-api-ts=1&qredo-api-sig=S&qredo-api-sig=S")]
    public void MissingEmptyOrRepeatedSignature_LeavesItUnset(string target) =>
        Assert.Null(QueryCredentials.Parse(target)!.Signature);

    [Theory]
    [InlineData("/f")]
    [InlineData("/f?after=3")]
    public void TargetWithoutCredentials_IsNotAQueryLogin(string target) =>
        Assert.Null(QueryCredentials.Parse(target));
}
