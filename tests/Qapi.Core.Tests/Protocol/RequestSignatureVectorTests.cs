using System.Text;
using System.Text.Json;
using Qapi.Core.Protocol;

namespace Qapi.Core.Tests.Protocol;

/// <summary>
/// The signature vectors of an independent implementation (shared/vectors/request-signatures.json) verify, and
/// changing any one byte of the timestamp, method, URL or body makes them fail.
/// </summary>
public sealed class RequestSignatureVectorTests
{
    public static TheoryData<int> VectorIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Vectors.Value.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Vector_ComputesTheSameSignature(int index)
    {
        var v = Vectors.Value[index];
        var actual = RequestSignature.Compute(ApiSecret.ToKeyBytes(v.Secret), v.Timestamp, v.Method, v.Url,
            Encoding.UTF8.GetBytes(v.Body));
        Assert.Equal(v.Signature, actual);
        Assert.True(Verify(v, v.Timestamp, v.Method, v.Url, Encoding.UTF8.GetBytes(v.Body)));
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Vector_WithAnyOneByteChanged_FailsToVerify(int index)
    {
        var v = Vectors.Value[index];
        var body = Encoding.UTF8.GetBytes(v.Body);
        foreach (var changed in Variants(v.Timestamp))
        {
            Assert.False(Verify(v, changed, v.Method, v.Url, body), $"timestamp {changed}");
        }

        foreach (var changed in Variants(v.Method))
        {
            Assert.False(Verify(v, v.Timestamp, changed, v.Url, body), $"method {changed}");
        }

        foreach (var changed in Variants(v.Url))
        {
            Assert.False(Verify(v, v.Timestamp, v.Method, changed, body), $"url {changed}");
        }

        for (var i = 0; i < body.Length; i++)
        {
            var copy = (byte[])body.Clone();
            copy[i] ^= 0x01;
            Assert.False(Verify(v, v.Timestamp, v.Method, v.Url, copy), $"body byte {i}");
        }

        Assert.False(Verify(v, v.Timestamp, v.Method, v.Url, [.. body, (byte)' ']), "body with a byte appended");
    }

    [Fact]
    public void Signature_InEveryBase64Form_Verifies()
    {
        var v = Vectors.Value[0];
        var standard = Convert.ToBase64String(Base64Url(v.Signature));
        var forms = new[] { v.Signature, v.Signature + "=", standard, standard.TrimEnd('=') };
        foreach (var form in forms)
        {
            Assert.True(RequestSignature.Verify(ApiSecret.ToKeyBytes(v.Secret), v.Timestamp, v.Method, v.Url, [],
                form), form);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Signature_MalformedOrShort_FailsWithoutThrowing(string signature)
    {
        var v = Vectors.Value[0];
        Assert.False(RequestSignature.Verify(ApiSecret.ToKeyBytes(v.Secret), v.Timestamp, v.Method, v.Url, [],
            signature));
    }

    private static bool Verify(Vector v, string timestamp, string method, string url, byte[] body) =>
        RequestSignature.Verify(ApiSecret.ToKeyBytes(v.Secret), timestamp, method, url, body, v.Signature);

    /// <summary>The text with each character in turn replaced by another byte.</summary>
    private static IEnumerable<string> Variants(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] == 'x' ? 'y' : 'x';
            yield return string.Concat(text.AsSpan(0, i), replacement.ToString(), text.AsSpan(i + 1));
        }
    }

    private static byte[] Base64Url(string text) =>
        Base64Text.TryDecodeAnyAlphabet(text, out var bytes) ? bytes : throw new FormatException(text);

    private static readonly Lazy<IReadOnlyList<Vector>> Vectors = new(() =>
        JsonSerializer.Deserialize<List<Vector>>(File.ReadAllText(SharedFiles.Path("vectors",
            "request-signatures.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    public sealed record Vector(string Secret, string Timestamp, string Method, string Url, string Body,
        string Signature);
}
