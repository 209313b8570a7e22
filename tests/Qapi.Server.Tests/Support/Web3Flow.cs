using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Data.Transactions;

namespace Qapi.Server.Tests.Support;

/// <summary>Moves Web3 transactions through their statuses the way clients and approvers do.</summary>
public static class Web3Flow
{
    public const string Destination = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    /// <summary>Proposes a small EIP-1559 transfer on Sepolia from <paramref name="from"/>; returns its txID.</summary>
    public static async Task<string> CreateAsync(SignedClient client, string from)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["from"] = from,
            ["to"] = Destination,
            ["value"] = "1000",
            ["gasLimit"] = "21000",
            ["maxFeePerGas"] = "30000000000",
            ["maxPriorityFeePerGas"] = "1000000000",
            ["chainID"] = "11155111",
            // Two identical bodies signed in the same second would be refused as a replay.
            ["note"] = Guid.NewGuid().ToString("N"),
        });
        var response = await client.SendAsync(HttpMethod.Post, "/transaction", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("txID").GetString()!;
    }

    public static async Task CancelAsync(SignedClient client, string txId)
    {
        var response = await client.SendAsync(HttpMethod.Delete, $"/transactions/{txId}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Enrolls fresh keys for two demo approvers and has both approve: the transaction gets signed.</summary>
    public static Task ApproveAsync(QapiServerFixture server, string txId) =>
        server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var approvers = sp.GetRequiredService<ApproverService>();
            var approvals = sp.GetRequiredService<ApprovalService>();
            foreach (var username in new[] { "alice", "bob" })
            {
                var memberId = await db.Accounts.Where(a => a.Username == username).Select(a => a.Id).SingleAsync();
                var (privateKey, publicKey) = ApproverKeys.Generate();
                await approvers.EnrollAsync(memberId, publicKey, default);
                var tx = await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == txId);
                var digest = ApprovalDigest.Compute(txId, ApprovalDecision.Approve, StoredRequest.Of(tx));
                await approvals.DecideAsync(txId, memberId, ApprovalDecision.Approve,
                    ApproverKeys.Sign(privateKey, digest), default);
            }

            return true;
        });
}
