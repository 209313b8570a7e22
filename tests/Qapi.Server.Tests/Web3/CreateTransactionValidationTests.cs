using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Entities;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>Every invalid request gets a 400/403/404 with a reason and creates no transaction.</summary>
public sealed class CreateTransactionValidationTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private const string To = Web3Kit.Receiver;

    private const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string BadChecksum = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8";
    private const string Unknown = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    public static TheoryData<string, int, string> InvalidBodies() => new()
    {
        { Fields(("maxFeePerGas", "2"), ("maxPriorityFeePerGas", "1")), 400, "invalid_gasPrice" },
        { Fields(("gasPrice", null)), 400, "invalid_gasPrice" },
        { Fields(("gasPrice", "")), 400, "invalid_gasPrice" },
        { Fields(("data", "0xzz")), 400, "invalid_data" },
        { Fields(("to", BadChecksum)), 400, "invalid_to" },
        { Fields(("value", Max[..^1] + "6")), 400, "invalid_value" },
        { Fields(("value", "-1")), 400, "invalid_value" },
        { Fields().Replace("\"value\":\"1\"", "\"value\":1", StringComparison.Ordinal), 400, "malformed_body" },
        { "not json", 400, "malformed_body" },
        { Fields().Replace("\"value\":\"1\"", "\"value\":\"1\",\"value\":\"999999\"", StringComparison.Ordinal),
            400, "malformed_body" },
        { Fields(("from", Unknown)), 404, "wallet_not_found" },
        { Fields(("chainID", "1")), 403, "chain_not_allowed" },
        { Fields(("chainID", null)), 403, "chain_not_allowed" },
    };

    /// <summary>A legacy request from the demo wallet (FROM) to TO, with fields replaced or (null) removed.</summary>
    private static string Fields(params (string Name, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>
        {
            ["from"] = "FROM",
            ["to"] = "TO",
            ["value"] = "1",
            ["gasLimit"] = "21000",
            ["gasPrice"] = "1",
            ["chainID"] = "11155111",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return JsonSerializer.Serialize(fields.Where(f => f.Value is not null)
            .ToDictionary(f => f.Key, f => f.Value));
    }

    private string WithAddresses(string template) =>
        template.Replace("\"FROM\"", $"\"{server.Demo.WalletAddress}\"", StringComparison.Ordinal)
            .Replace("\"TO\"", $"\"{To}\"", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidRequest_IsRefusedWithAReasonAndCreatesNothing(string template, int status, string error)
    {
        var before = await CountAsync();
        var body = WithAddresses(template);

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);

        Assert.Equal(status, (int)response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, json.GetProperty("detail").GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetProperty("reason").GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("maxFeePerGas", "2", "gasPrice must not be given with maxFeePerGas or maxPriorityFeePerGas")]
    [InlineData("maxPriorityFeePerGas", "1", "gasPrice must not be given with maxFeePerGas or maxPriorityFeePerGas")]
    [InlineData("gasPrice", null, "gasPrice or maxFeePerGas with maxPriorityFeePerGas must be given")]
    public async Task BothFeeStyles_OrNeither_IsRefusedAsInvalidGasPrice_SayingWhich(
        string field, string? value, string reason)
    {
        var body = WithAddresses(Fields((field, value)));

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_gasPrice", detail.GetProperty("error").GetString());
        Assert.Equal(reason, detail.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("gasPrice", "", "maxFeePerGas", "30000000000", "maxPriorityFeePerGas", "1000000000")]
    [InlineData("gasPrice", "1", "maxFeePerGas", "", "maxPriorityFeePerGas", "")]
    public async Task EmptyFeeFields_AsQredoResponsesCarryThem_AreTakenAsAbsent(
        string name1, string value1, string name2, string value2, string name3, string value3)
    {
        var body = WithAddresses(Fields(("gasPrice", null), (name1, value1), (name2, value2), (name3, value3),
            ("note", Guid.NewGuid().ToString("N"))));

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        var legacy = value1 != "";
        Assert.Equal(legacy ? value1 : "", json.GetProperty("gasPrice").GetString());
        Assert.Equal(legacy ? "" : value2, json.GetProperty("maxFeePerGas").GetString());
        Assert.Equal(legacy ? "" : value3, json.GetProperty("maxPriorityFeePerGas").GetString());
    }

    [Fact]
    public async Task DestinationOutsideTheAllowlist_Is403AndCreatesNothing()
    {
        var wallet = await server.WalletsOfAsync(server.Demo.OrganizationId);
        await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            db.AllowlistEntries.Add(new AllowlistEntry { WalletId = wallet[0].Id, Address = To.ToLowerInvariant() });
            return await db.SaveChangesAsync();
        });
        var before = await CountAsync();

        var outside = Web3Kit.Body(server.Demo.WalletAddress).Replace(To, Unknown, StringComparison.Ordinal);
        var refused = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", outside);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail");
        Assert.Equal("destination_not_allowed", detail.GetProperty("error").GetString());
        Assert.Equal($"{Unknown} is not on this wallet's destination allowlist.",
            detail.GetProperty("reason").GetString());
        Assert.Equal(before, await CountAsync());

        var allowed = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(server.Demo.WalletAddress));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        await server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().AllowlistEntries
            .Where(e => e.WalletId == wallet[0].Id).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task KeyWithoutWeb3_OrOutsideItsScope_IsRefused()
    {
        var (readKey, readSecret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.ReadOnly);
        var wallets = await server.WalletsOfAsync(server.Demo.OrganizationId);
        var (scopedKey, scopedSecret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.Web3,
            wallets[1].Id);
        var before = await CountAsync();

        var noWeb3 = await server.ClientFor(readKey, readSecret).SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(server.Demo.WalletAddress));
        var outside = await server.ClientFor(scopedKey, scopedSecret).SendAsync(HttpMethod.Post, "/transaction",
            Web3Kit.Body(server.Demo.WalletAddress));

        Assert.Equal(HttpStatusCode.Forbidden, noWeb3.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ValueOf2To256Minus1_Parses_ButIsRefusedAsMoreThanTheWalletHolds()
    {
        var before = await CountAsync();
        var body = Web3Kit.Body(server.Demo.WalletAddress, value: Max);

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("insufficient_funds", json.GetProperty("detail").GetProperty("error").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task HexQuantities_AndDataWithout0x_AreAccepted()
    {
        var body = $$"""
            {"from":"{{server.Demo.WalletAddress.ToLowerInvariant()}}","to":"{{To}}","value":"0x3e8",
             "gasLimit":"0x5208","gasPrice":"0x3b9aca00","data":"a9059cbb","chainID":"0xaa36a7"}
            """;

        var response = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1000", json.GetProperty("value").GetString());
        Assert.Equal("21000", json.GetProperty("gasLimit").GetString());
        Assert.Equal("11155111", json.GetProperty("chainID").GetString());
        Assert.Equal("0xa9059cbb", json.GetProperty("data").GetString());
        Assert.Equal("pending", json.GetProperty("status").GetString());
    }

    private Task<int> CountAsync() =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions.CountAsync());
}
