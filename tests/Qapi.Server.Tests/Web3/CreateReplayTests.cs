using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// <c>POST /transaction</c> writes its replay record in the transaction that creates: a copy of a signed request
/// is refused whether the first one created a transaction, was refused, or is still running.
/// </summary>
public sealed class CreateReplayTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task CopyOfACreatingRequest_Is401_AndCreatesNothing()
    {
        var (body, note) = Body(value: "1000");
        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body, p => parts = p);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts!.Url, body, parts);

        await AssertReplayedAsync(again);
        Assert.Equal(1, await CountAsync(note));
    }

    [Fact]
    public async Task CopyOfARefusedRequest_Is401()
    {
        var (body, _) = Body(value: "1000000000000000000000000");
        var parts = default(SigningParts);
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body, p => parts = p);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);

        var again = await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts!.Url, body, parts);

        await AssertReplayedAsync(again);
    }

    [Fact]
    public async Task CopyWithAnIdempotencyKey_IsStill401_AndAReSignedRetryGetsTheFirstTransaction()
    {
        // PROTOCOL.md: a state-changing signature is accepted once. A retry is signed again (a new timestamp);
        // the Idempotency-Key then answers with what the first request created.
        var (body, note) = Body(value: "1000");
        var parts = default(SigningParts);
        var key = Guid.NewGuid().ToString("N");
        var first = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body, p =>
        {
            p.ExtraHeaders["Idempotency-Key"] = key;
            parts = p;
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var txId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("txID")
            .GetString();

        await AssertReplayedAsync(await server.DemoClient.SendSignedAsync(HttpMethod.Post, parts!.Url, body, parts));
        var retry = await server.DemoClient.SendAsync(HttpMethod.Post, "/transaction", body,
            p => p.ExtraHeaders["Idempotency-Key"] = key);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(txId, JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement
            .GetProperty("txID").GetString());
        Assert.Equal(1, await CountAsync(note));
    }

    [Fact]
    public async Task ConcurrentCopies_CreateOnce_AndTheOthersAre401()
    {
        var (body, note) = Body(value: "1000");
        var parts = new SigningParts
        {
            KeyId = server.Demo.ApiKey,
            Secret = server.Demo.Secret,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(
                System.Globalization.CultureInfo.InvariantCulture),
            Method = "POST",
            Url = server.ApiBaseUrl + "/transaction",
            Body = body,
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            server.DemoClient.SendSignedAsync(HttpMethod.Post, parts.Url, body, parts)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await AssertReplayedAsync(refused);
        }

        Assert.Equal(1, await CountAsync(note));
    }

    private (string Body, string Note) Body(string value)
    {
        var note = Guid.NewGuid().ToString("N");
        return (JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["from"] = server.Demo.WalletAddress,
            ["to"] = Web3Flow.Destination,
            ["value"] = value,
            ["gasLimit"] = "21000",
            ["maxFeePerGas"] = "30000000000",
            ["maxPriorityFeePerGas"] = "1000000000",
            ["chainID"] = "11155111",
            ["note"] = note,
        }), note);
    }

    private Task<int> CountAsync(string note) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Web3Transactions
            .CountAsync(t => t.Note == note));

    private static async Task AssertReplayedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, text);
        Assert.Equal("request_replayed", JsonDocument.Parse(text).RootElement.GetProperty("detail")
            .GetProperty("error").GetString());
    }
}
