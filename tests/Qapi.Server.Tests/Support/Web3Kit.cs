using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Data.Transactions;

namespace Qapi.Server.Tests.Support;

/// <summary>Enrolled approvers for the demo organization, and helpers to propose and decide transactions.</summary>
public sealed class Web3Kit(QapiServerFixture server)
{
    public const string Receiver = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    /// <summary>The most the gas of a <see cref="Body"/> transaction costs, in gwei: 21,000 gas at 30 gwei.</summary>
    public const long FeeCapGwei = 21_000 * 30;

    private readonly Dictionary<string, (string MemberId, string PrivateKey)> _approvers = [];

    public IReadOnlyDictionary<string, (string MemberId, string PrivateKey)> Approvers => _approvers;

    public async Task<Web3Kit> EnrollAsync(params string[] usernames)
    {
        foreach (var username in usernames)
        {
            var memberId = await server.AccountIdAsync(username);
            var (privateKey, publicKey) = ApproverKeys.Generate();
            await server.InScopeAsync(sp => sp.GetRequiredService<ApproverService>()
                .EnrollAsync(memberId, publicKey, default));
            _approvers[username] = (memberId, privateKey);
        }

        return this;
    }

    public static string Body(string from, string value = "1000", string chainId = "11155111") =>
        $$"""
        {"from":"{{from}}","to":"{{Receiver}}","value":"{{value}}","gasLimit":"21000",
         "maxFeePerGas":"30000000000","maxPriorityFeePerGas":"1000000000","chainID":"{{chainId}}"}
        """;

    public async Task<JsonElement> CreateAsync(string? body = null, SignedClient? client = null)
    {
        var response = await (client ?? server.DemoClient).SendAsync(HttpMethod.Post, "/transaction",
            body ?? Body(server.Demo.WalletAddress));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    public Task<Data.Entities.Web3Transaction> DecideAsync(
        string txId, string username, ApprovalDecision decision, string? signatureOverride = null) =>
        server.InScopeAsync(async sp =>
        {
            var (memberId, privateKey) = _approvers[username];
            var db = sp.GetRequiredService<QapiDbContext>();
            var tx = await db.Web3Transactions.AsNoTracking().SingleAsync(t => t.Id == txId);
            var signature = signatureOverride
                ?? ApproverKeys.Sign(privateKey, ApprovalDigest.Compute(txId, decision, StoredRequest.Of(tx)));
            return await sp.GetRequiredService<ApprovalService>().DecideAsync(txId, memberId, decision, signature,
                default);
        });

    public Task<Data.Entities.Web3Transaction> LoadAsync(string txId) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions.AsNoTracking()
            .SingleAsync(t => t.Id == txId));
}
