using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Hosting;

/// <summary>The OpenAPI document of what Qapi serves, the browsable reference page, and the health endpoints.</summary>
public sealed class ReferenceDocumentTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task OpenApiDocument_ListsEveryReadOnlyEndpointAndTheSignedHeaders()
    {
        var document = await server.Http.GetFromJsonAsync<JsonElement>(server.Origin + "/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/qapi/v1/account", "/qapi/v1/balance", "/qapi/v1/funds", "/qapi/v1/funds/{fund_id}",
            "/qapi/v1/funds/{fund_id}/ledger", "/qapi/v1/trustedparties", "/qapi/v1/wallet/{wallet_id}/history",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.Equal("qredo-api-key", document.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("ApiKeyAuth").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/qapi/v1/funds/{fund_id}/ledger")]
    [InlineData("/qapi/v1/wallet/{wallet_id}/history")]
    public async Task OpenApiDocument_OffersLedgersAsJsonAndCsv(string path)
    {
        var document = await server.Http.GetFromJsonAsync<JsonElement>(server.Origin + "/openapi/v1.json");

        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out var json), content.GetRawText());
        Assert.Contains("#/components/schemas/", json.GetRawText());
        Assert.Equal("string", content.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReferencePage_IsServed()
    {
        var response = await server.Http.GetAsync(server.Origin + "/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task HealthEndpoints_AnswerWithoutAuthentication(string path)
    {
        var response = await server.Http.GetAsync(server.Origin + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
