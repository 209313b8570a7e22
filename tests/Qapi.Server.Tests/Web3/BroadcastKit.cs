using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Data.Transactions;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// Proposes Web3 transactions through the API as the demo key, approves them as two of the demo policy's three
/// members (alice and bob, enrolled once), and waits for their status.
/// </summary>
public sealed class BroadcastKit
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly QapiServerFixture _server;
    private readonly List<(string MemberId, string PrivateKey)> _approvers = [];

    private BroadcastKit(QapiServerFixture server) => _server = server;

    public static async Task<BroadcastKit> CreateAsync(QapiServerFixture server)
    {
        var kit = new BroadcastKit(server);
        foreach (var username in new[] { "alice", "bob" })
        {
            var memberId = await server.AccountIdAsync(username);
            var (privateKey, publicKey) = ApproverKeys.Generate();
            await server.InScopeAsync(sp => sp.GetRequiredService<ApproverService>()
                .EnrollAsync(memberId, publicKey, default));
            kit._approvers.Add((memberId, privateKey));
        }

        return kit;
    }

    /// <summary>A request body from the demo Web3 wallet; <paramref name="fields"/> add or override fields.</summary>
    public string Body(params (string Name, string Value)[] fields)
    {
        var body = new Dictionary<string, string>
        {
            ["from"] = _server.Demo.WalletAddress,
            ["to"] = RandomAddress(),
            ["value"] = "1000000000000000",
            ["gasLimit"] = "21000",
        };
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        return JsonSerializer.Serialize(body);
    }

    /// <summary>Creates, then approves as two members, and returns the transaction as the API shows it.</summary>
    public async Task<JsonElement> CreateApprovedAsync(string body)
    {
        var response = await _server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, created.ToString());
        var txId = created.GetProperty("txID").GetString()!;
        await _server.InScopeAsync(async sp =>
        {
            foreach (var (memberId, privateKey) in _approvers)
            {
                var db = sp.GetRequiredService<QapiDbContext>();
                var tx = await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == txId);
                var signature = ApproverKeys.Sign(privateKey,
                    ApprovalDigest.Compute(txId, ApprovalDecision.Approve, StoredRequest.Of(tx)));
                await sp.GetRequiredService<ApprovalService>()
                    .DecideAsync(txId, memberId, ApprovalDecision.Approve, signature, default);
            }

            return 0;
        });

        var signed = await StatusAsync(txId);
        Assert.NotEqual("", signed.GetProperty("signedTx").GetString());
        return signed;
    }

    public async Task<JsonElement> StatusAsync(string txId)
    {
        var response = await _server.DemoClient.GetAsync($"/transactions/{txId}/status");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Polls the status endpoint until <paramref name="done"/> holds; fails with the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string txId, string what, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + DefaultWait;
        while (true)
        {
            var tx = await StatusAsync(txId);
            if (done(tx))
            {
                return tx;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still waiting for {what} after {DefaultWait}: {tx}");
            await Task.Delay(100);
        }
    }

    public Task<JsonElement> WaitForStatusAsync(string txId, string status) =>
        WaitForAsync(txId, $"status {status}", tx =>
        {
            var current = tx.GetProperty("status").GetString();
            Assert.False(current is "failed" or "confirmed" && current != status, $"Ended {current}: {tx}");
            return current == status;
        });

    public static IEnumerable<(string Status, string Message)> Events(JsonElement tx) =>
        tx.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("status").GetString()!, e.GetProperty("message").GetString()!));

    public static string RandomAddress() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
