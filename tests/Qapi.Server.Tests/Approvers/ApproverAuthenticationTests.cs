using System.Globalization;
using System.Net;
using System.Text;
using Qapi.Core.Approvals;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Approvers;

/// <summary>The approvers' channel is opened by the approver's enrolled key only, with the API keys' rules.</summary>
public sealed class ApproverAuthenticationTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task SignatureOverSomethingElse_Is401()
    {
        var alice = await ChannelAsync("alice");
        var ts = ApproverChannelClient.Now();
        var otherUrl = server.Origin + "/approver/v1/actions?x=1";
        var overOtherUrl = ApproverRequestSignature.Compute(alice.Approver.PrivateKey, ts, "GET", otherUrl, []);
        var bob = await server.EnrollApproverAsync("bob");
        var url = server.Origin + "/approver/v1/actions";
        var byBob = ApproverRequestSignature.Compute(bob.PrivateKey, ts, "GET", url, []);

        foreach (var signature in new[] { overOtherUrl, byBob, "not hex", "" })
        {
            using var response = await alice.SendAsync(HttpMethod.Get, "/actions", null, ts, signature);
            var expected = signature.Length == 0 ? "missing_header" : "signature_mismatch";
            await ApproverDecisionTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, expected);
        }
    }

    [Theory]
    [InlineData(-310, "timestamp_too_old")]
    [InlineData(310, "timestamp_in_future")]
    public async Task TimestampOutsideTheWindow_Is401(int skewSeconds, string error)
    {
        var alice = await ChannelAsync("alice");
        var ts = DateTimeOffset.UtcNow.AddSeconds(skewSeconds).ToUnixTimeMilliseconds()
            .ToString(CultureInfo.InvariantCulture);

        using var response = await alice.SendAsync(HttpMethod.Get, "/actions", null, ts);

        await ApproverDecisionTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, error);
    }

    [Fact]
    public async Task MalformedTimestamp_Is401AndNamesTheApproverHeader()
    {
        var alice = await ChannelAsync("alice");

        using var response = await alice.SendAsync(HttpMethod.Get, "/actions", null, "17e8");

        await ApproverDecisionTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "timestamp_malformed");
        Assert.Contains(ApproverHeaders.Timestamp, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReplayedDecision_Is401_EvenWithTheSignatureReCased()
    {
        var txId = await server.CreateTransactionAsync();
        var alice = await ChannelAsync("alice");
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));
        var approval = ApproverKeys.Sign(alice.Approver.PrivateKey,
            ApprovalDigest.Compute(txId, ApprovalDecision.Approve, request));
        var body = $$"""{"signature":"{{approval}}"}""";
        var ts = ApproverChannelClient.Now();
        var signature = ApproverRequestSignature.Compute(alice.Approver.PrivateKey, ts, "PUT",
            server.Origin + "/approver/v1/actions/" + txId, Encoding.UTF8.GetBytes(body));

        using var first = await alice.SendAsync(HttpMethod.Put, "/actions/" + txId, body, ts, signature);
        using var again = await alice.SendAsync(HttpMethod.Put, "/actions/" + txId, body, ts, signature);
        using var reCased = await alice.SendAsync(HttpMethod.Put, "/actions/" + txId, body, ts,
            signature.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ApproverDecisionTests.AssertErrorAsync(again, HttpStatusCode.Unauthorized, "request_replayed");
        await ApproverDecisionTests.AssertErrorAsync(reCased, HttpStatusCode.Unauthorized, "request_replayed");
    }

    [Fact]
    public async Task RepeatedRead_IsAccepted()
    {
        var alice = await ChannelAsync("alice");
        var ts = ApproverChannelClient.Now();

        using var first = await alice.SendAsync(HttpMethod.Get, "/actions", null, ts);
        using var again = await alice.SendAsync(HttpMethod.Get, "/actions", null, ts);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task UnknownOrRevokedKey_Is401()
    {
        var old = await ChannelAsync("carol");
        await server.EnrollApproverAsync("carol");

        using var revoked = await old.GetAsync("/actions");
        using var unknown = await old.SendAsync(HttpMethod.Get, "/actions", null,
            keyId: "3MyD7PGDUcqAs9Bdi489hS28yva");

        await ApproverDecisionTests.AssertErrorAsync(revoked, HttpStatusCode.Unauthorized, "key_revoked");
        await ApproverDecisionTests.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, "key_unknown");
    }

    [Fact]
    public async Task ApiKeyHeaders_DoNotOpenTheChannel()
    {
        var client = new SignedClient(server.Http, server.Origin + "/approver/v1", server.Demo.ApiKey,
            server.Demo.Secret);

        using var response = await client.GetAsync("/actions");

        await ApproverDecisionTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "missing_header");
    }

    [Fact]
    public async Task UnknownPathUnderTheChannel_Is404InTheErrorShape()
    {
        var alice = await ChannelAsync("alice");

        using var response = await alice.GetAsync("/nothing-here");

        await ApproverDecisionTests.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task KeysAndSignatures_NeverReachLogsOrErrorBodies()
    {
        var txId = await server.CreateTransactionAsync();
        var alice = await ChannelAsync("alice");
        var approval = ApproverKeys.Sign(alice.Approver.PrivateKey, SHA256Of("not the digest"));
        var ts = ApproverChannelClient.Now();
        var badAuth = ApproverRequestSignature.Compute(alice.Approver.PrivateKey, ts, "GET", "http://elsewhere/",
            []);

        using var refused = await alice.SendAsync(HttpMethod.Get, "/actions", null, ts, badAuth);
        using var invalid = await alice.DecideWithSignatureAsync(txId, ApprovalDecision.Approve, approval);

        var bodies = await refused.Content.ReadAsStringAsync() + await invalid.Content.ReadAsStringAsync();
        var logs = string.Join('\n', server.Logs.Lines);
        foreach (var secret in new[] { alice.Approver.PrivateKey, approval, badAuth })
        {
            Assert.DoesNotContain(secret, bodies, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<ApproverChannelClient> ChannelAsync(string username) =>
        new(server.Http, server.Origin, await server.EnrollApproverAsync(username));

    private static byte[] SHA256Of(string text) =>
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
