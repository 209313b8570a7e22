using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Data.Transactions;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>A transaction still pending after the configured approval window ends expired.</summary>
public sealed class ExpiryTests(ExpiryTests.ShortWindowServer server) : IClassFixture<ExpiryTests.ShortWindowServer>
{
    [Fact]
    public async Task PendingPastItsWindow_Expires_ReleasesItsReservation_AndCannotBeApproved()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob");
        var before = await PendingOutAsync();
        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "1500000000000000000")))
            .GetProperty("txID").GetString()!;
        Assert.Equal(before + 1_500_000_000 + Web3Kit.FeeCapGwei, await PendingOutAsync());

        await Task.Delay(TimeSpan.FromSeconds(3.1));
        await server.InScopeAsync(sp => sp.GetRequiredService<TransactionExpiryService>().ExpireDueAsync(default));

        var tx = await kit.LoadAsync(txId);
        Assert.Equal("expired", tx.Status);
        Assert.Equal(before, await PendingOutAsync());
        var late = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "alice", ApprovalDecision.Approve));
        Assert.Equal("transaction_decided", late.Reason);
        Assert.Equal("", (await kit.LoadAsync(txId)).SignedTx);
    }

    [Fact]
    public async Task ApprovalAfterTheWindow_IsRefused_EvenBeforeTheExpiryWorkerRuns()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob");
        var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "31337")))
            .GetProperty("txID").GetString()!;
        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);

        await Task.Delay(TimeSpan.FromSeconds(3.1));
        var late = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "bob", ApprovalDecision.Approve));

        Assert.Equal("transaction_decided", late.Reason);
        var tx = await kit.LoadAsync(txId);
        Assert.Equal("expired", tx.Status);
        Assert.Equal("", tx.SignedTx);

        var approvals = await server.DemoClient.GetAsync($"/transactions/{txId}/approvals");
        var list = (await approvals.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("list").EnumerateArray()
            .ToDictionary(a => a.GetProperty("userID").GetString()!, a => a.GetProperty("status").GetString());
        Assert.Equal("approved", list[kit.Approvers["alice"].MemberId]);
        Assert.Equal("expired", list[kit.Approvers["bob"].MemberId]);
    }

    private async Task<long> PendingOutAsync()
    {
        var response = await server.DemoClient.GetAsync("/balance");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json.GetProperty("assets").GetProperty("ETH-TESTNET").GetProperty("pendingOut").GetInt64();
    }

    public sealed class ShortWindowServer : QapiServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--Qapi:Web3:ApprovalWindowSeconds=2"];
    }
}
