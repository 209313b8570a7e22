using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Approvers;

/// <summary>Enrolls approvers and creates transactions the way the server's own services and API do.</summary>
public static class ApproverSeeding
{
    public const string Recipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    public static async Task<TestApprover> EnrollApproverAsync(this QapiServerFixture server, string username)
    {
        var memberId = await server.AccountIdAsync(username);
        var (privateKey, publicKey) = ApproverKeys.Generate();
        var key = await server.InScopeAsync(sp =>
            sp.GetRequiredService<ApproverService>().EnrollAsync(memberId, publicKey, default));
        return new TestApprover(username, memberId, key.Id, privateKey);
    }

    /// <summary>A transaction under the demo fund's 2-of-3 policy (alice, bob, carol), with a unique body.</summary>
    public static async Task<string> CreateTransactionAsync(this QapiServerFixture server, string value = "1000")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["from"] = server.Demo.WalletAddress,
            ["to"] = Recipient,
            ["value"] = value,
            ["gasLimit"] = "21000",
            ["maxFeePerGas"] = "30000000000",
            ["maxPriorityFeePerGas"] = "1000000000",
            ["chainID"] = "11155111",
            ["note"] = Guid.NewGuid().ToString("N"),
        });
        using var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("txID").GetString()!;
    }
}
