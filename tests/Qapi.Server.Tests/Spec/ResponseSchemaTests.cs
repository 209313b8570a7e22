using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Spec;

/// <summary>Every Read-only endpoint's answers, successes and refusals, validate against the spec's schemas.</summary>
public sealed class ResponseSchemaTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task EveryReadOnlyEndpoint_MatchesTheSpecSchemaOfItsPath()
    {
        var (aliceId, _, personalWallet) = await server.PersonalWithFundAsync("alice");
        var (keyId, secret) = await server.KeyAsync(aliceId, ApiKeyPermissions.ReadOnly);
        var personal = server.ClientFor(keyId, secret);
        var org = server.DemoClient;
        var fundId = (await ReadAsync(org, "/funds")).GetProperty("funds")[0].GetProperty("fundID").GetString();

        var checks = new (SignedClient Client, string Url, string SpecPath)[]
        {
            (org, "/account", "/account"),
            (personal, "/account", "/account"),
            (org, "/balance", "/balance"),
            (personal, "/balance", "/balance"),
            (org, "/funds", "/funds"),
            (org, "/funds?archived=true", "/funds"),
            (org, $"/funds/{fundId}", "/funds/{fund_id}"),
            (org, $"/funds/{fundId}/ledger", "/funds/{fund_id}/ledger"),
            (org, $"/wallet/{server.Demo.WalletId}/history", "/wallet/{wallet_id}/history"),
            (personal, $"/wallet/{personalWallet}/history", "/wallet/{wallet_id}/history"),
            (personal, "/trustedparties", "/trustedparties"),
        };
        foreach (var (client, url, specPath) in checks)
        {
            var body = await ReadAsync(client, url);
            AssertValid(OpenApiSpec.ResponseSchemaName(specPath, "get", 200), body, url);
        }
    }

    [Fact]
    public async Task Refusals_MatchTheSpecErrorSchema()
    {
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Balance);
        var balanceOnly = server.ClientFor(keyId, secret);
        var cases = new (Task<HttpResponseMessage> Response, HttpStatusCode Status, string SpecPath)[]
        {
            (server.DemoClient.GetAsync("/trustedparties"), HttpStatusCode.BadRequest, "/trustedparties"),
            (server.Http.GetAsync(server.ApiBaseUrl + "/balance"), HttpStatusCode.Unauthorized, "/balance"),
            (balanceOnly.GetAsync("/funds"), HttpStatusCode.Forbidden, "/funds"),
            (server.DemoClient.GetAsync("/funds/3MyBz9QFQWk3Fd66WGX4x8IDmPI"), HttpStatusCode.NotFound,
                "/funds/{fund_id}"),
            (server.DemoClient.GetAsync($"/wallet/{server.Demo.WalletId}/history?limit=0"),
                HttpStatusCode.BadRequest, "/wallet/{wallet_id}/history"),
        };
        foreach (var (pending, status, specPath) in cases)
        {
            var response = await pending;
            Assert.Equal(status, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            AssertValid(OpenApiSpec.ResponseSchemaName(specPath, "get", (int)status), body, specPath);
        }
    }

    [Fact]
    public async Task Web3Endpoints_MatchTheSpecSchemaOfTheirPaths()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob", "carol");
        var created = await kit.CreateAsync();
        AssertValid(OpenApiSpec.ResponseSchemaName("/transaction", "post", 200), created, "POST /transaction");
        var txId = created.GetProperty("txID").GetString()!;
        await kit.DecideAsync(txId, "alice", Core.Approvals.ApprovalDecision.Approve);
        await kit.DecideAsync(txId, "carol", Core.Approvals.ApprovalDecision.Approve);

        var status = await ReadAsync(server.DemoClient, $"/transactions/{txId}/status");
        AssertValid(OpenApiSpec.ResponseSchemaName("/transactions/{tx_id}/status", "get", 200), status, "status");
        Assert.Equal("approved", status.GetProperty("status").GetString());
        var approvals = await ReadAsync(server.DemoClient, $"/transactions/{txId}/approvals");
        AssertValid(OpenApiSpec.ResponseSchemaName("/transactions/{tx_id}/approvals", "get", 200), approvals,
            "approvals");

        var missing = await server.DemoClient.GetAsync("/transactions/3MyBz9QFQWk3Fd66WGX4x8IDmPI/status");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertValid(OpenApiSpec.ResponseSchemaName("/transactions/{tx_id}/status", "get", 404),
            await missing.Content.ReadFromJsonAsync<JsonElement>(), "missing transaction");
    }

    [Fact]
    public void SchemaValidation_RejectsAWrongShape()
    {
        using var wrong = JsonDocument.Parse("""{"fundInfo":{"wallets":[{"type":"four","balance":"1"}]}}""");
        Assert.NotEmpty(SpecSchemas.Validate("getFundInfoResponse", wrong.RootElement));
    }

    private static void AssertValid(string schemaName, JsonElement body, string url)
    {
        var errors = SpecSchemas.Validate(schemaName, body);
        Assert.True(errors.Count == 0, $"{url} does not match {schemaName}: {string.Join("; ", errors)}");
    }

    private static async Task<JsonElement> ReadAsync(SignedClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
