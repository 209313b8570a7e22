using System.Text;
using Qapi.Core.Protocol;

namespace Qapi.Core.Tests.Protocol;

public sealed class ApiSecretTests
{
    [Fact]
    public void GeneratedSecret_DecodesTheSameInEveryBase64Alphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var secret = ApiSecret.Generate();
            Assert.Equal(64, secret.Length);
            Assert.All(secret, c => Assert.True(char.IsAsciiLetterOrDigit(c)));

            var standard = Convert.FromBase64String(secret);
            var urlSafe = Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/'));
            Assert.Equal(48, standard.Length);
            Assert.Equal(standard, urlSafe);
            Assert.Equal(standard, ApiSecret.ToKeyBytes(secret));
        }
    }

    [Fact]
    public void Secret_NotBase64_IsRefused() =>
        Assert.Throws<FormatException>(() => ApiSecret.ToKeyBytes("not*base64"));

    [Fact]
    public void Ids_AreUniqueAndWellFormed()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => QapiId.New()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(27, id.Length));
        Assert.All(ids, id => Assert.True(QapiId.IsWellFormed(id)));
        Assert.False(QapiId.IsWellFormed("../etc"));
        Assert.False(QapiId.IsWellFormed(Encoding.UTF8.GetString(new byte[] { 0x41, 0x00 })));
    }
}
