using System.Net;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Authentication;

/// <summary>A server behind a reverse proxy checks signatures against the public URL the client addressed.</summary>
public sealed class PublicBaseUrlTests(PublicBaseUrlTests.ProxiedServer server)
    : IClassFixture<PublicBaseUrlTests.ProxiedServer>
{
    public const string PublicBase = "https://custody.example.test/gateway";

    [Fact]
    public async Task SignatureOverThePublicUrl_IsAccepted()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/funds?archived=true", null,
            p => p.Url = PublicBase + "/qapi/v1/funds?archived=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignatureOverTheInternalUrl_Is401()
    {
        var response = await server.DemoClient.GetAsync("/funds?archived=true");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class ProxiedServer : QapiServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => [$"--Qapi:PublicBaseUrl={PublicBase}"];
    }
}
