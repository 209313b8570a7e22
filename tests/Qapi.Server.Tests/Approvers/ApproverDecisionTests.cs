using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Approvers;

/// <summary>The approvers' channel end to end: what awaits whom; signed decisions under the 2-of-3 policy.</summary>
public sealed class ApproverDecisionTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task Actions_ShowANewTransactionToEachApproverOfItsPolicy_AndToNobodyElse()
    {
        var txId = await server.CreateTransactionAsync();
        var dave = Channel(await server.EnrollApproverAsync("dave"));

        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            var channel = Channel(await server.EnrollApproverAsync(name));
            var action = Assert.Single(await channel.ActionsAsync(), a => a.TxId == txId);
            Assert.Equal(server.Demo.WalletAddress, action.From, ignoreCase: true);
            Assert.Equal(ApproverSeeding.Recipient, action.To, ignoreCase: true);
            Assert.Equal(("1000", "11155111", "pending"), (action.Value, action.ChainId, action.Status));
            Assert.Equal((2, 3, 0, 0, ""), (action.Threshold, action.Approvers, action.Approvals, action.Rejections,
                action.Decision));
            Assert.True(action.ExpiresAt > action.CreatedAt);
            Assert.Equal("", action.Nonce);

            var request = ApproverChannelClient.RequestOf(action);
            Assert.Equal(ApprovalDigest.Text(txId, ApprovalDecision.Approve, request), action.Sign.Approve.Text);
            Assert.Equal(ApprovalDigest.Text(txId, ApprovalDecision.Reject, request), action.Sign.Reject.Text);
            Assert.Equal(Sha256Hex(action.Sign.Approve.Text), action.Sign.Approve.Sha256);

            using var one = await channel.GetAsync("/actions/" + txId);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(txId, (await one.Content.ReadFromJsonAsync<ApproverAction>())!.TxId);
        }

        Assert.DoesNotContain(await dave.ActionsAsync(), a => a.TxId == txId);
        using var hidden = await dave.GetAsync("/actions/" + txId);
        await AssertErrorAsync(hidden, HttpStatusCode.NotFound, "transaction_not_found");
    }

    [Fact]
    public async Task OneApproval_LeavesItPending_ASecondOfThreeSignsIt()
    {
        var txId = await server.CreateTransactionAsync();
        var (alice, bob, carol) = await EnrollPolicyAsync();
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));

        var first = await ReadDecisionAsync(await alice.DecideAsync(txId, ApprovalDecision.Approve, request));

        Assert.Equal(("pending", 1, "approve", ""), (first.Status, first.Approvals, first.Decision, first.SignedTx));
        Assert.DoesNotContain(await alice.ActionsAsync(), a => a.TxId == txId);
        Assert.Equal(1, (await bob.ActionsAsync()).Single(a => a.TxId == txId).Approvals);

        var second = await ReadDecisionAsync(await bob.DecideAsync(txId, ApprovalDecision.Approve, request));

        Assert.Equal(("approved", 2), (second.Status, second.Approvals));
        Assert.StartsWith("0x02", second.SignedTx, StringComparison.Ordinal);
        Assert.Matches("^0x[0-9a-f]{64}$", second.TxHash);
        Assert.DoesNotContain(await carol.ActionsAsync(), a => a.TxId == txId);
    }

    [Fact]
    public async Task DuplicateApproval_CountsOnce_AndAChangeOfMindIsAConflict()
    {
        var txId = await server.CreateTransactionAsync();
        var (alice, _, _) = await EnrollPolicyAsync();
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));

        var first = await ReadDecisionAsync(await alice.DecideAsync(txId, ApprovalDecision.Approve, request));
        await Task.Delay(5);
        var again = await ReadDecisionAsync(await alice.DecideAsync(txId, ApprovalDecision.Approve, request));
        using var reject = await alice.DecideAsync(txId, ApprovalDecision.Reject, request);

        Assert.Equal(("pending", 1), (first.Status, first.Approvals));
        Assert.Equal(("pending", 1), (again.Status, again.Approvals));
        await AssertErrorAsync(reject, HttpStatusCode.Conflict, "approver_already_decided");
    }

    [Fact]
    public async Task ApproverOutsideThePolicy_IsRefused()
    {
        var txId = await server.CreateTransactionAsync();
        var (alice, _, _) = await EnrollPolicyAsync();
        var dave = Channel(await server.EnrollApproverAsync("dave"));
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));

        using var refused = await dave.DecideAsync(txId, ApprovalDecision.Approve, request);

        await AssertErrorAsync(refused, HttpStatusCode.NotFound, "transaction_not_found");
        Assert.Equal(0, (await alice.ActionsAsync()).Single(a => a.TxId == txId).Approvals);
    }

    [Fact]
    public async Task TamperedApprovalSignature_IsRefused()
    {
        var txId = await server.CreateTransactionAsync();
        var (alice, bob, _) = await EnrollPolicyAsync();
        var action = (await alice.ActionsAsync()).Single(a => a.TxId == txId);
        var request = ApproverChannelClient.RequestOf(action);
        var otherValue = ApproverChannelClient.RequestOf(action with { Value = "1001" });
        string[] forged =
        [
            ApproverKeys.Sign(alice.Approver.PrivateKey, ApprovalDigest.Compute(txId, ApprovalDecision.Approve,
                otherValue)),
            ApproverKeys.Sign(alice.Approver.PrivateKey, ApprovalDigest.Compute(txId, ApprovalDecision.Reject,
                request)),
            ApproverKeys.Sign(bob.Approver.PrivateKey, ApprovalDigest.Compute(txId, ApprovalDecision.Approve,
                request)),
            "00",
        ];

        foreach (var signature in forged)
        {
            using var response = await alice.DecideWithSignatureAsync(txId, ApprovalDecision.Approve, signature);
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, "approval_signature_invalid");
        }

        Assert.Equal(0, (await alice.ActionsAsync()).Single(a => a.TxId == txId).Approvals);
    }

    [Fact]
    public async Task RejectionsThatMakeTheThresholdUnreachable_EndItRejected()
    {
        var txId = await server.CreateTransactionAsync();
        var (alice, bob, carol) = await EnrollPolicyAsync();
        var request = ApproverChannelClient.RequestOf((await alice.ActionsAsync()).Single(a => a.TxId == txId));

        var first = await ReadDecisionAsync(await alice.DecideAsync(txId, ApprovalDecision.Reject, request));
        var second = await ReadDecisionAsync(await bob.DecideAsync(txId, ApprovalDecision.Reject, request));
        using var late = await carol.DecideAsync(txId, ApprovalDecision.Approve, request);

        Assert.Equal(("pending", 1, "reject"), (first.Status, first.Rejections, first.Decision));
        Assert.Equal(("rejected", 2, ""), (second.Status, second.Rejections, second.SignedTx));
        Assert.DoesNotContain(await carol.ActionsAsync(), a => a.TxId == txId);
        await AssertErrorAsync(late, HttpStatusCode.Conflict, "transaction_decided");
    }

    [Theory]
    [InlineData("not json", "malformed_body")]
    [InlineData("{}", "signature_required")]
    [InlineData("""{"signature":""}""", "signature_required")]
    public async Task DecisionWithoutASignature_Is400(string body, string error)
    {
        var txId = await server.CreateTransactionAsync();
        var alice = Channel(await server.EnrollApproverAsync("alice"));

        using var response = await alice.SendAsync(HttpMethod.Put, "/actions/" + txId, body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, error);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("code").GetString());
        Assert.Equal(error, body.GetProperty("detail").GetProperty("error").GetString());
    }

    private static async Task<ApproverDecisionResponse> ReadDecisionAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonSerializer.Deserialize<ApproverDecisionResponse>(text)!;
        }
    }

    private async Task<(ApproverChannelClient, ApproverChannelClient, ApproverChannelClient)> EnrollPolicyAsync() =>
        (Channel(await server.EnrollApproverAsync("alice")), Channel(await server.EnrollApproverAsync("bob")),
            Channel(await server.EnrollApproverAsync("carol")));

    private ApproverChannelClient Channel(TestApprover approver) => new(server.Http, server.Origin, approver);

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
