using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Core.Transactions;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// No lost or doubled transaction under concurrency: nonces, exactly-once signing, idempotent retries; run on
/// SQLite and on PostgreSQL, whose locking differs.
/// </summary>
public abstract class ConcurrencyTests(QapiServerFixture server)
{
    [Fact]
    public async Task FiftyConcurrentTransactions_AllApproved_GetNonces0To49Once_AndARejectedOneLeavesNoGap()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob", "carol");
        var bodies = Enumerable.Range(1, 51)
            .Select(i => Web3Kit.Body(server.Demo.WalletAddress, value: i.ToString(CultureInfo.InvariantCulture),
                chainId: "17000"))
            .ToList();
        var created = await Task.WhenAll(bodies.Select(b => kit.CreateAsync(b)));
        var ids = created.Select(c => c.GetProperty("txID").GetString()!).ToList();
        var rejected = ids[25];

        await Task.WhenAll(ids.Select(async id =>
        {
            var decision = id == rejected ? ApprovalDecision.Reject : ApprovalDecision.Approve;
            await Task.WhenAll(kit.DecideAsync(id, "alice", decision), kit.DecideAsync(id, "bob", decision));
        }));

        var stored = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions
            .AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync());
        Assert.Equal(TransactionStatus.Rejected, stored.Single(t => t.Id == rejected).Status);
        Assert.Equal("", stored.Single(t => t.Id == rejected).Nonce);
        var signed = stored.Where(t => t.Id != rejected).ToList();
        Assert.All(signed, t => Assert.Equal(TransactionStatus.Approved, t.Status));
        Assert.Equal(Enumerable.Range(0, 50), signed.Select(t => int.Parse(t.Nonce, CultureInfo.InvariantCulture))
            .Order());
        Assert.Equal(50, signed.Select(t => t.TxHash).Distinct().Count());

        var approvedEvents = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>()
            .TransactionEvents.Where(e => ids.Contains(e.TxId) && e.Status == TransactionStatus.Approved)
            .GroupBy(e => e.TxId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(50, approvedEvents.Count);
        Assert.All(approvedEvents, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task ApprovalsRacing_SignExactlyOnce()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob", "carol");
        for (var round = 0; round < 10; round++)
        {
            var txId = (await kit.CreateAsync(Web3Kit.Body(server.Demo.WalletAddress,
                value: (1000 + round).ToString(CultureInfo.InvariantCulture), chainId: "80002")))
                .GetProperty("txID").GetString()!;

            // An approval that arrives after the threshold was met is told the transaction is decided.
            await Task.WhenAll(new[] { "alice", "bob", "carol" }.Select(async name =>
            {
                try
                {
                    await kit.DecideAsync(txId, name, ApprovalDecision.Approve);
                }
                catch (Core.Errors.QapiError e) when (e.Reason == "transaction_decided")
                {
                }
            }));

            var statuses = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().TransactionEvents
                .Where(e => e.TxId == txId).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
            Assert.Equal(["created", "pending", "authorized", "approved"], statuses);
        }

        var nonces = await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions
            .Where(t => t.ChainId == "80002").Select(t => t.Nonce).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 10), nonces.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task IdempotentRetry_CreatesNothingNew_AndAnotherBodyWithTheSameKeyIs409()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var body = Web3Kit.Body(server.Demo.WalletAddress, value: "4242");
        var key = "retry-" + Guid.NewGuid();
        var count = () => server.InScopeAsync(sp =>
            sp.GetRequiredService<QapiDbContext>().Web3Transactions.CountAsync());

        var first = await SendAsync(body, key);
        var before = await count();
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(body, key)));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(retries, r => Assert.Equal(first.TxId, r.TxId));
        Assert.Equal(before, await count());

        var other = await SendAsync(Web3Kit.Body(server.Demo.WalletAddress, value: "4243"), key);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal(before, await count());
    }

    [Fact]
    public async Task ConcurrentFirstUsesOfOneIdempotencyKey_CreateOneTransaction()
    {
        Assert.SkipUnless(server.Available, "This store is not available here; .ci/run provides it.");
        var body = Web3Kit.Body(server.Demo.WalletAddress, value: "777");
        var key = "race-" + Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(body, key)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results.Select(r => r.TxId).Distinct());
    }

    private async Task<(HttpStatusCode Status, string? TxId)> SendAsync(string body, string idempotencyKey)
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body,
            p => p.ExtraHeaders["Idempotency-Key"] = idempotencyKey);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, json.TryGetProperty("txID", out var id) ? id.GetString() : null);
    }
}

/// <summary>The concurrency scenarios on SQLite.</summary>
public sealed class ConcurrencyOnSqliteTests(QapiServerFixture server)
    : ConcurrencyTests(server), IClassFixture<QapiServerFixture>;

/// <summary>The concurrency scenarios on PostgreSQL.</summary>
public sealed class ConcurrencyOnPostgresTests(Storage.PostgresServerFixture server)
    : ConcurrencyTests(server), IClassFixture<Storage.PostgresServerFixture>;
