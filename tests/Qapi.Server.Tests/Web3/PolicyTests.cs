using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>The wallet's 2-of-3 policy decides: approvals sign, rejections end, nothing bypasses it.</summary>
public sealed class PolicyTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private Web3Kit? _kit;

    private async Task<Web3Kit> KitAsync() => _kit ??= await new Web3Kit(server).EnrollAsync("alice", "bob",
        "carol", "dave");

    [Fact]
    public async Task TwoOfThreeApprovals_SignAndTheResultRecoversTheWallet()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        var afterOne = await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);
        Assert.Equal("pending", afterOne.Status);
        Assert.Equal("", afterOne.SignedTx);

        var afterTwo = await kit.DecideAsync(txId, "bob", ApprovalDecision.Approve);
        Assert.Equal("approved", afterTwo.Status);
        Assert.True(EvmTransactionRecovery.TryRecoverSender(Convert.FromHexString(afterTwo.SignedTx[2..]),
            out var sender, out _));
        Assert.Equal(server.Demo.WalletAddress, sender!.ToString());

        var status = await ReadAsync($"/transactions/{txId}/status");
        Assert.Equal("approved", status.GetProperty("status").GetString());
        Assert.Equal(afterTwo.SignedTx, status.GetProperty("signedTx").GetString());
        Assert.Equal(["created", "pending", "authorized", "approved"], status.GetProperty("events")
            .EnumerateArray().Select(e => e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task DuplicateApproval_CountsOnce()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);
        var again = await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);

        Assert.Equal("pending", again.Status);
        var approvals = await ReadAsync($"/transactions/{txId}/approvals");
        Assert.Equal(1, approvals.GetProperty("list").EnumerateArray()
            .Count(a => a.GetProperty("status").GetString() == "approved"));
    }

    [Fact]
    public async Task NonMember_IsRefused()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        var error = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "dave", ApprovalDecision.Approve));
        Assert.Equal(QapiErrorKind.NotFound, error.Kind);
        Assert.Equal("pending", (await kit.LoadAsync(txId)).Status);
    }

    [Fact]
    public async Task TamperedApprovalSignature_IsRefused()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;
        var otherTx = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "999")))
            .GetProperty("txID").GetString()!;

        // Alice's valid signature for another transaction, and one for a different decision, prove nothing here.
        var tx = await kit.LoadAsync(otherTx);
        var alice = kit.Approvers["alice"].PrivateKey;
        var forOther = ApproverKeys.Sign(alice, ApprovalDigest.Compute(otherTx, ApprovalDecision.Approve,
            Data.Transactions.StoredRequest.Of(tx)));
        var forReject = ApproverKeys.Sign(alice, ApprovalDigest.Compute(txId, ApprovalDecision.Reject,
            Data.Transactions.StoredRequest.Of(await kit.LoadAsync(txId))));

        foreach (var signature in new[] { forOther, forReject, new string('0', 128) })
        {
            var error = await Assert.ThrowsAsync<QapiError>(() =>
                kit.DecideAsync(txId, "alice", ApprovalDecision.Approve, signature));
            Assert.Equal("approval_signature_invalid", error.Reason);
        }

        Assert.All((await ReadAsync($"/transactions/{txId}/approvals")).GetProperty("list").EnumerateArray(),
            a => Assert.Equal("pending", a.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task RejectionsThatMakeTheThresholdUnreachable_EndItRejected()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        Assert.Equal("pending", (await kit.DecideAsync(txId, "alice", ApprovalDecision.Reject)).Status);
        Assert.Equal("rejected", (await kit.DecideAsync(txId, "bob", ApprovalDecision.Reject)).Status);

        var late = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "carol", ApprovalDecision.Approve));
        Assert.Equal("transaction_decided", late.Reason);
        Assert.Equal("", (await kit.LoadAsync(txId)).SignedTx);
    }

    [Fact]
    public async Task Creator_CanCancelWhilePending_AndNotAfter()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        var cancel = await server.DemoClient.SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await kit.LoadAsync(txId)).Status);

        var again = await server.DemoClient.SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var late = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "alice", ApprovalDecision.Approve));
        Assert.Equal("transaction_decided", late.Reason);
    }

    [Fact]
    public async Task PendingOutflow_ShowsInTheBalanceAndTheSignedOneInTheLedger()
    {
        var kit = await KitAsync();
        var before = await AvailableAndPendingAsync();
        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "1000000000000000000")))
            .GetProperty("txID").GetString()!;

        // Reserved: the value and the most its gas can cost, so that the wallet can pay for it on chain.
        var pending = await AvailableAndPendingAsync();
        Assert.Equal(before.PendingOut + 1_000_000_000 + Web3Kit.FeeCapGwei, pending.PendingOut);

        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);
        await kit.DecideAsync(txId, "carol", ApprovalDecision.Approve);
        var after = await AvailableAndPendingAsync();
        Assert.Equal(before.PendingOut, after.PendingOut);
        Assert.Equal(before.Available - 1_000_000_000 - Web3Kit.FeeCapGwei, after.Available);

        var history = await ReadAsync($"/wallet/{server.Demo.WalletId}/history");
        var entry = history.GetProperty("history").EnumerateArray().First(h => h.GetProperty("txID").GetString()
            == txId);
        Assert.Equal(-1_000_000_000, entry.GetProperty("amount").GetInt64());
        Assert.Equal(Web3Kit.FeeCapGwei, entry.GetProperty("fees").GetInt64());
        Assert.Equal(8, entry.GetProperty("type").GetInt32());
    }

    private async Task<(long Available, long PendingOut)> AvailableAndPendingAsync()
    {
        var asset = (await ReadAsync("/balance")).GetProperty("assets").GetProperty("ETH-TESTNET");
        return (asset.GetProperty("available").GetInt64(), asset.GetProperty("pendingOut").GetInt64());
    }

    private async Task<JsonElement> ReadAsync(string path)
    {
        var response = await server.DemoClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
