using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qapi.Data;
using Qapi.Data.Broadcast;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// Signed transactions that a node keeps refusing wait out their backoff without hiding the others: more of them
/// than one pass takes never starve a transaction that is due.
/// </summary>
public sealed class BroadcastBacklogTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const string Chain = "11155111";
    private static readonly Uri Endpoint = new("http://node.test/");

    [Fact]
    public async Task MoreRefusedThanABatch_InBackoff_DoNotStarveTheOthers()
    {
        var kit = await BroadcastKit.CreateAsync(server);
        var node = new FakeRpcNode(long.Parse(Chain));
        var retries = new BroadcastRetries(TimeProvider.System);
        var refused = await ApproveManyAsync(kit, BroadcastService.BatchSize + 1);

        // The node refuses each; two passes hand every one over once, and each then waits out a long backoff.
        await PassAsync(node, retries);
        await PassAsync(node, retries);
        Assert.Equal(refused.Select(t => t.SignedTx).Order(), node.Received.Order());

        // Approved a second later than all of them (ApprovedAt counts seconds), so it sorts after every one.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var fresh = await kit.CreateApprovedAsync(Body(kit));
        var signedTx = fresh.GetProperty("signedTx").GetString()!;
        node.Accept(signedTx, fresh.GetProperty("txHash").GetString()!);
        await PassAsync(node, retries);

        Assert.Equal(refused.Count + 1, node.Received.Count);
        Assert.Equal(signedTx, node.Received.Last());
        Assert.Equal("pushed", (await kit.StatusAsync(fresh.GetProperty("txID").GetString()!))
            .GetProperty("status").GetString());
        var ids = refused.Select(t => t.TxId).ToList();
        Assert.Equal(refused.Count, await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>()
            .Web3Transactions.CountAsync(t => ids.Contains(t.Id) && t.Status == "approved")));
    }

    private static string Body(BroadcastKit kit) =>
        kit.Body(("value", "1"), ("gasPrice", "1"), ("chainID", Chain));

    private static async Task<List<(string TxId, string SignedTx)>> ApproveManyAsync(BroadcastKit kit, int count)
    {
        var approved = new List<(string, string)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (_, _) =>
            {
                var tx = await kit.CreateApprovedAsync(Body(kit));
                lock (approved)
                {
                    approved.Add((tx.GetProperty("txID").GetString()!, tx.GetProperty("signedTx").GetString()!));
                }
            });
        return approved;
    }

    /// <summary>One broadcast pass over the chain, to the fake node, with backoffs far longer than the test.</summary>
    private Task PassAsync(FakeRpcNode node, BroadcastRetries retries) =>
        server.InScopeAsync(async sp =>
        {
            using var http = new HttpClient(node, disposeHandler: false);
            var options = Options.Create(new BroadcastOptions
            {
                PollInterval = TimeSpan.FromMinutes(10),
                MaxRetryDelay = TimeSpan.FromHours(1),
            });
            var broadcast = ActivatorUtilities.CreateInstance<BroadcastService>(sp, new EthereumRpcClient(http),
                retries, options);
            await broadcast.RunAsync(Chain, Endpoint, default);
            return 0;
        });
}
