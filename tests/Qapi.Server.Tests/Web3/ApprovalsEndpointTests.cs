using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Approvals;
using Qapi.Data.Transactions;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// <c>GET /transactions/{tx_id}/approvals</c>: each approver of the policy, with the signature they gave (which
/// anyone can check against the approval digest), their UserActionStatus, and the number of answers received.
/// </summary>
public sealed class ApprovalsEndpointTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private Web3Kit? _kit;

    private async Task<Web3Kit> KitAsync() => _kit ??= await new Web3Kit(server).EnrollAsync("alice", "bob", "carol");

    [Fact]
    public async Task ReturnedSignatures_AreTheApproversOwn_AndVerifyAgainstTheirDecisionsDigest()
    {
        var kit = await KitAsync();
        var txId = await CreateAsync(kit);
        var request = StoredRequest.Of(await kit.LoadAsync(txId));
        var approve = ApprovalDigest.Compute(txId, ApprovalDecision.Approve, request);
        var reject = ApprovalDigest.Compute(txId, ApprovalDecision.Reject, request);
        var aliceSignature = ApproverKeys.Sign(kit.Approvers["alice"].PrivateKey, approve);
        var bobSignature = ApproverKeys.Sign(kit.Approvers["bob"].PrivateKey, reject);

        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve, aliceSignature);
        await kit.DecideAsync(txId, "bob", ApprovalDecision.Reject, bobSignature);
        var approvals = await ApprovalsAsync(txId);

        var alice = Approver(approvals, kit, "alice");
        Assert.Equal("approved", alice.GetProperty("status").GetString());
        Assert.Equal(Convert.FromHexString(aliceSignature), alice.GetProperty("signature").GetBytesFromBase64());
        Assert.True(Verifies(kit, "alice", approve, alice));
        Assert.False(Verifies(kit, "alice", reject, alice));

        var bob = Approver(approvals, kit, "bob");
        Assert.Equal("rejected", bob.GetProperty("status").GetString());
        Assert.Equal(Convert.FromHexString(bobSignature), bob.GetProperty("signature").GetBytesFromBase64());
        Assert.True(Verifies(kit, "bob", reject, bob));

        var carol = Approver(approvals, kit, "carol");
        Assert.Equal("pending", carol.GetProperty("status").GetString());
        Assert.Equal("", carol.GetProperty("signature").GetString());
        Assert.Equal(3, approvals.GetProperty("list").GetArrayLength());
        Assert.Equal(2, approvals.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("cancelled", 1)]
    [InlineData("approved", 2)]
    [InlineData("rejected", 2)]
    public async Task ApproversWhoNeverAnswered_AnEndedOrSignedTransaction_AreExpired(string ending, int answers)
    {
        var kit = await KitAsync();
        var txId = await CreateAsync(kit);
        var decision = ending == "rejected" ? ApprovalDecision.Reject : ApprovalDecision.Approve;

        await kit.DecideAsync(txId, "alice", decision);
        if (ending == "cancelled")
        {
            await Web3Flow.CancelAsync(server.DemoClient, txId);
        }
        else
        {
            await kit.DecideAsync(txId, "bob", decision);
        }

        Assert.Equal(ending, (await kit.LoadAsync(txId)).Status);
        var approvals = await ApprovalsAsync(txId);
        var answered = ending == "rejected" ? "rejected" : "approved";
        Assert.Equal(answered, Approver(approvals, kit, "alice").GetProperty("status").GetString());
        Assert.Equal(ending == "cancelled" ? "expired" : answered,
            Approver(approvals, kit, "bob").GetProperty("status").GetString());
        Assert.Equal("expired", Approver(approvals, kit, "carol").GetProperty("status").GetString());
        Assert.Equal(answers, approvals.GetProperty("total").GetInt32());
    }

    private static bool Verifies(Web3Kit kit, string username, byte[] digest, JsonElement approver) =>
        ApproverKeys.Verify(ApproverKeys.PublicKeyOf(kit.Approvers[username].PrivateKey), digest,
            Convert.ToHexString(approver.GetProperty("signature").GetBytesFromBase64()));

    private static JsonElement Approver(JsonElement approvals, Web3Kit kit, string username) =>
        approvals.GetProperty("list").EnumerateArray()
            .Single(a => a.GetProperty("userID").GetString() == kit.Approvers[username].MemberId);

    private async Task<string> CreateAsync(Web3Kit kit) =>
        (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress,
            value: Random.Shared.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .GetProperty("txID").GetString()!;

    private async Task<JsonElement> ApprovalsAsync(string txId)
    {
        var response = await server.DemoClient.GetAsync($"/transactions/{txId}/approvals");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }
}
