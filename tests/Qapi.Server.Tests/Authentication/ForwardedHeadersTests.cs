using System.Net;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Authentication;

/// <summary>X-Forwarded-Proto and X-Forwarded-Host count only when they come from a configured trusted proxy.</summary>
public sealed class ForwardedHeadersTests
{
    private const string ForwardedUrl = "https://custody.example.test/qapi/v1/balance";

    public sealed class FromATrustedProxy(FromATrustedProxy.TrustingServer server)
        : IClassFixture<FromATrustedProxy.TrustingServer>
    {
        [Fact]
        public async Task SignatureOverTheForwardedUrl_IsAccepted()
        {
            var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, Forwarded);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public sealed class TrustingServer : QapiServerFixture
        {
            protected override IEnumerable<string> ExtraArguments => ["--Qapi:TrustedProxies:0=127.0.0.1"];
        }
    }

    public sealed class FromAnUntrustedPeer(QapiServerFixture server) : IClassFixture<QapiServerFixture>
    {
        [Fact]
        public async Task ForwardedHeaders_AreIgnored()
        {
            var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null, Forwarded);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private static void Forwarded(SigningParts parts)
    {
        parts.Url = ForwardedUrl;
        parts.ExtraHeaders["X-Forwarded-Proto"] = "https";
        parts.ExtraHeaders["X-Forwarded-Host"] = "custody.example.test";
    }
}
