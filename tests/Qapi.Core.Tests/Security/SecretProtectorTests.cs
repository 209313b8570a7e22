using System.Security.Cryptography;
using Qapi.Core.Security;

namespace Qapi.Core.Tests.Security;

public sealed class SecretProtectorTests
{
    private readonly SecretProtector _protector = new(SecretProtector.GenerateKey());

    [Fact]
    public void Protect_RoundTripsAndNeverHoldsThePlainText()
    {
        var sealedText = _protector.Protect("correct horse battery staple", "seed:A");
        Assert.DoesNotContain("horse", sealedText);
        Assert.Equal("correct horse battery staple", _protector.Unprotect(sealedText, "seed:A"));
    }

    [Fact]
    public void Unprotect_ForAnotherPurpose_Fails()
    {
        var sealedText = _protector.Protect("secret", "api-secret:K1");
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(sealedText, "api-secret:K2"));
    }

    [Fact]
    public void Unprotect_Tampered_Fails()
    {
        var bytes = Convert.FromBase64String(_protector.Protect("secret", "p"));
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(Convert.ToBase64String(bytes), "p"));
    }

    [Fact]
    public void Unprotect_WithAnotherKey_Fails()
    {
        var other = new SecretProtector(SecretProtector.GenerateKey());
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(_protector.Protect("secret", "p"), "p"));
    }

    [Fact]
    public void KeyFile_IsCreatedOwnerOnlyAndReusedAfterwards()
    {
        var path = Path.Combine(Path.GetTempPath(), "qapi-kek-" + Guid.NewGuid().ToString("N"), "qapi.kek");
        var first = KeyEncryptionKeyFile.LoadOrCreate(null, path);
        var second = KeyEncryptionKeyFile.LoadOrCreate(null, path);

        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
