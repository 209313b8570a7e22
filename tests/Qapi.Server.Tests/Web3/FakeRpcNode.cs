using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// A JSON-RPC node in memory, for an <see cref="HttpClient"/>: it serves one chain at block 16, refuses every
/// signed transaction except those it is told to accept, records every one it was handed, and has receipts for
/// those it is told were mined.
/// </summary>
public sealed class FakeRpcNode(long chainId) : HttpMessageHandler
{
    private const long Head = 16;

    private readonly ConcurrentQueue<string> _received = new();
    private readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, object> _receipts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>From now on, this transaction is in the head block, having used <paramref name="gasUsed"/>.</summary>
    public void Mine(string txHash, long gasUsed, long effectiveGasPrice) => _receipts[txHash] = new
    {
        transactionHash = txHash,
        blockNumber = $"0x{Head:x}",
        blockHash = "0x" + new string('b', 64),
        status = "0x1",
        gasUsed = $"0x{gasUsed:x}",
        effectiveGasPrice = $"0x{effectiveGasPrice:x}",
    };

    /// <summary>The signed transactions handed to <c>eth_sendRawTransaction</c>, in order.</summary>
    public IReadOnlyCollection<string> Received => _received.ToArray();

    /// <summary>From now on, this signed transaction is accepted and answered with its hash.</summary>
    public void Accept(string signedTx, string txHash) => _accepted[signedTx] = txHash;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var call = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var id = call.RootElement.GetProperty("id").GetInt64();
        var parameters = call.RootElement.GetProperty("params");
        object answer = call.RootElement.GetProperty("method").GetString() switch
        {
            "eth_chainId" => new { jsonrpc = "2.0", id, result = $"0x{chainId:x}" },
            "eth_blockNumber" => new { jsonrpc = "2.0", id, result = $"0x{Head:x}" },
            "eth_getTransactionReceipt" => new
            {
                jsonrpc = "2.0", id, result = _receipts.GetValueOrDefault(parameters[0].GetString()!),
            },
            "eth_getTransactionByHash" => new { jsonrpc = "2.0", id, result = (object?)null },
            "eth_sendRawTransaction" => Send(id, parameters[0].GetString()!),
            var other => new { jsonrpc = "2.0", id, error = new { code = -32601, message = $"no method {other}" } },
        };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(answer), Encoding.UTF8, "application/json"),
        };
    }

    private object Send(long id, string signedTx)
    {
        _received.Enqueue(signedTx);
        return _accepted.TryGetValue(signedTx, out var hash)
            ? new { jsonrpc = "2.0", id, result = hash }
            : new { jsonrpc = "2.0", id, error = new { code = -32000, message = "nonce too low" } };
    }
}
