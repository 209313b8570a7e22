using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Authentication;

/// <summary>Every failure row of PROTOCOL.md's authentication table, and the accepted variants.</summary>
public sealed class AuthenticationTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task ValidSignature_IsAccepted()
    {
        var response = await server.DemoClient.GetAsync("/balance");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("timestamp")]
    [InlineData("signature")]
    public async Task MissingHeader_Is401(string header)
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, p =>
        {
            p.OmitKey = header == "key";
            p.OmitTimestamp = header == "timestamp";
            p.OmitSignature = header == "signature";
        });
        await AssertUnauthorizedAsync(response, "missing_header");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1700000000")]
    [InlineData("1700000000.5")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999999999999")]
    [InlineData("9223372036854775808")]
    public async Task MalformedTimestamp_Is401(string timestamp)
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Timestamp = timestamp);
        await AssertUnauthorizedAsync(response, "timestamp_malformed");
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    [InlineData(1_000_000L)]
    [InlineData(1_000_000_000L)]
    public async Task TimestampInEachUnit_IsAccepted(long unitsPerSecond)
    {
        var now = DateTimeOffset.UtcNow;
        var value = unitsPerSecond switch
        {
            1L => now.ToUnixTimeSeconds(),
            1_000L => now.ToUnixTimeMilliseconds(),
            1_000_000L => now.ToUnixTimeMilliseconds() * 1000,
            _ => now.ToUnixTimeMilliseconds() * 1_000_000,
        };
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Timestamp = value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(-310, "timestamp_too_old", "behind")]
    [InlineData(310, "timestamp_in_future", "ahead of")]
    public async Task ClockSkewBeyondWindow_Is401AndSaysWhichWay(int skewSeconds, string error, string way)
    {
        var skewed = DateTimeOffset.UtcNow.AddSeconds(skewSeconds).ToUnixTimeSeconds();
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Timestamp = skewed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = await AssertUnauthorizedAsync(response, error);
        var reason = body.GetProperty("detail").GetProperty("reason").GetString()!;
        Assert.Contains(way, reason);
        Assert.Contains("server time is", reason);
    }

    [Theory]
    [InlineData(-250)]
    [InlineData(250)]
    public async Task ClockSkewWithinWindow_IsAccepted(int skewSeconds)
    {
        var skewed = DateTimeOffset.UtcNow.AddSeconds(skewSeconds).ToUnixTimeSeconds();
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Timestamp = skewed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.KeyId = "3MyBz7jI3iqTJ7ftcJJDYvdWAQ5");
        await AssertUnauthorizedAsync(response, "key_unknown");
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var (keyId, secret) = await CreateKeyAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await server.ClientFor(keyId, secret).GetAsync("/balance")).StatusCode);

        await server.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ApiKeyService>().RevokeAsync(keyId, default);
            return true;
        });

        await AssertUnauthorizedAsync(await server.ClientFor(keyId, secret).GetAsync("/balance"), "key_revoked");
    }

    [Fact]
    public async Task ExpiredKey_Is401()
    {
        var (keyId, secret) = await CreateKeyAsync(DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await server.ClientFor(keyId, secret).GetAsync("/balance")).StatusCode);

        await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var past = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
            return await db.ApiKeys.Where(k => k.Id == keyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, past));
        });

        await AssertUnauthorizedAsync(await server.ClientFor(keyId, secret).GetAsync("/balance"), "key_expired");
    }

    [Fact]
    public async Task WrongSecret_Is401()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Secret = new string('A', 64));
        await AssertUnauthorizedAsync(response, "signature_mismatch");
    }

    [Fact]
    public async Task SignedUrlDiffersFromSentUrl_Is401()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/funds?archived=true", null,
            p => p.Url = p.Url.Replace("archived=true", "archived=false", StringComparison.Ordinal));
        await AssertUnauthorizedAsync(response, "signature_mismatch");
    }

    [Fact]
    public async Task SignedMethodDiffersFromSentMethod_Is401()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, p => p.Method = "POST");
        await AssertUnauthorizedAsync(response, "signature_mismatch");
    }

    [Fact]
    public async Task BodyChangedAfterSigning_Is401()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/test/echo", "{\"value\":\"1\"}",
            p => p.Body = "{\"value\":\"2\"}");
        await AssertUnauthorizedAsync(response, "signature_mismatch");
    }

    [Fact]
    public async Task BodyIsCheckedAsRawBytes_NotReserialized()
    {
        var odd = "{ \"note\" : \"caf\u00e9 \u2713\",\n  \"value\":\"0x01\" }";
        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/test/echo", odd);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("standard-padded")]
    [InlineData("url-padded")]
    [InlineData("standard-unpadded")]
    public async Task SignatureInOtherBase64Forms_IsAccepted(string form)
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, p =>
        {
            var bytes = Qapi.Core.Protocol.RequestSignature.ComputeBytes(
                Qapi.Core.Protocol.ApiSecret.ToKeyBytes(p.Secret), p.Timestamp, p.Method, p.Url, []);
            var standard = Convert.ToBase64String(bytes);
            p.Signature = form switch
            {
                "standard-padded" => standard,
                "url-padded" => standard.Replace('+', '-').Replace('/', '_'),
                _ => standard.TrimEnd('='),
            };
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StateChangingRequestReplayed_Is401()
    {
        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/test/echo", "{}", p => parts = p);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts!.Url, "{}", parts);
        await AssertUnauthorizedAsync(again, "request_replayed");
    }

    [Fact]
    public async Task ReplayWithReencodedSignature_Is401()
    {
        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/test/echo", "{\"n\":1}", p => parts = p);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        parts!.Signature = parts.Signature!.Replace('-', '+').Replace('_', '/') + "=";
        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts.Url, "{\"n\":1}", parts);
        await AssertUnauthorizedAsync(again, "request_replayed");
    }

    [Fact]
    public async Task IdenticalReadRepeated_IsAccepted()
    {
        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, p => parts = p);
        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Get, parts!.Url, null, parts);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task UnknownEndpoint_WithoutSignature_Is401NotA404()
    {
        var response = await server.Http.GetAsync(server.ApiBaseUrl + "/nothing-here");
        await AssertUnauthorizedAsync(response, "missing_header");
    }

    private async Task<(string KeyId, string Secret)> CreateKeyAsync(DateTimeOffset? expiresAt) =>
        await server.InScopeAsync(async sp =>
        {
            var (key, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(server.Demo.OrganizationId,
                "test", ApiKeyPermissions.Balance, [], expiresAt, default);
            return (key.Id, secret);
        });

    private static async Task<JsonElement> AssertUnauthorizedAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("401", body.GetProperty("code").GetString());
        Assert.Equal(error, body.GetProperty("detail").GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetProperty("reason").GetString()));
        return body;
    }
}
