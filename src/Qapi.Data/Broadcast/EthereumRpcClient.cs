using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using Qapi.Core.Evm;

namespace Qapi.Data.Broadcast;

/// <summary>
/// The few Ethereum JSON-RPC calls broadcasting needs, over plain HTTP. Every failure surfaces as an
/// <see cref="RpcException"/> whose message names the method and the cause, never the URL or the parameters.
/// </summary>
public sealed class EthereumRpcClient(HttpClient http)
{
    private const int MaxNodeMessageLength = 200;
    private long _nextId;

    /// <summary><c>eth_chainId</c>: the chain the endpoint serves.</summary>
    public async Task<BigInteger> ChainIdAsync(Uri endpoint, CancellationToken cancellationToken) =>
        Quantity("eth_chainId", await CallAsync(endpoint, "eth_chainId", [], cancellationToken));

    /// <summary><c>eth_blockNumber</c>: the number of the endpoint's latest block.</summary>
    public async Task<BigInteger> BlockNumberAsync(Uri endpoint, CancellationToken cancellationToken) =>
        Quantity("eth_blockNumber", await CallAsync(endpoint, "eth_blockNumber", [], cancellationToken));

    /// <summary><c>eth_sendRawTransaction</c>: hands a signed transaction over; returns the node's hash.</summary>
    public async Task<string> SendRawTransactionAsync(
        Uri endpoint, string signedTransactionHex, CancellationToken cancellationToken)
    {
        var result = await CallAsync(endpoint, "eth_sendRawTransaction", [signedTransactionHex], cancellationToken);
        return result.ValueKind == JsonValueKind.String
            ? result.GetString()!
            : throw new RpcException("eth_sendRawTransaction: the answer holds no transaction hash", false);
    }

    /// <summary><c>eth_getTransactionByHash</c>: whether the node knows the transaction, pending or mined.</summary>
    public async Task<bool> KnowsTransactionAsync(Uri endpoint, string txHash, CancellationToken cancellationToken)
    {
        var result = await CallAsync(endpoint, "eth_getTransactionByHash", [txHash], cancellationToken);
        return result.ValueKind == JsonValueKind.Object;
    }

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt, or null while the transaction is in no block.</summary>
    public async Task<RpcReceipt?> GetTransactionReceiptAsync(
        Uri endpoint, string txHash, CancellationToken cancellationToken)
    {
        const string method = "eth_getTransactionReceipt";
        var result = await CallAsync(endpoint, method, [txHash], cancellationToken);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("blockNumber", out var block) || block.ValueKind != JsonValueKind.String
            || !result.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
        {
            // Receipts without "status" come from pre-Byzantium blocks only, which no supported chain produces.
            throw new RpcException($"{method}: the answer is not a receipt with a block number and a status", false);
        }

        var blockHash = result.TryGetProperty("blockHash", out var hash) && hash.ValueKind == JsonValueKind.String
            ? hash.GetString()!
            : "";
        var gasUsed = result.TryGetProperty("gasUsed", out var gas) ? Quantity(method, gas) : BigInteger.Zero;
        BigInteger? price = result.TryGetProperty("effectiveGasPrice", out var effective)
            && effective.ValueKind == JsonValueKind.String ? Quantity(method, effective) : null;
        return new RpcReceipt(Quantity(method, block), blockHash, Quantity(method, status) == BigInteger.One,
            gasUsed, price);
    }

    private async Task<JsonElement> CallAsync(
        Uri endpoint, string method, string[] parameters, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(RequestBody(Interlocked.Increment(ref _nextId), method, parameters));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException($"{method}: {Describe(e)}", false, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException($"{method}: no answer within {http.Timeout.TotalSeconds:0.#} s", false, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RpcException($"{method}: the endpoint answered HTTP {(int)response.StatusCode}", false);
            }

            return await ResultAsync(method, response, cancellationToken);
        }
    }

    private static async Task<JsonElement> ResultAsync(
        string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new RpcException($"{method}: the answer is not JSON", false, e);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException($"{method}: {Describe(e)}", false, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                throw new RpcException($"{method}: {NodeMessage(error)}", true);
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result)
                ? result.Clone()
                : throw new RpcException($"{method}: the answer is not a JSON-RPC response", false);
        }
    }

    private static byte[] RequestBody(long id, string method, string[] parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var parameter in parameters)
            {
                writer.WriteStringValue(parameter);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static BigInteger Quantity(string method, JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { } text
        && text.StartsWith("0x", StringComparison.Ordinal) && EvmQuantity.TryParse(text, out var value, out _)
            ? value
            : throw new RpcException($"{method}: the answer holds a malformed quantity", false);

    // Only the node's own words and code; "data" and "stack" may echo the request or the node's internals.
    private static string NodeMessage(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString() ?? ""
            : "";
        var clean = new string(message.Where(c => !char.IsControl(c)).Take(MaxNodeMessageLength).ToArray());
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var number)
            ? $" (code {number})"
            : "";
        return (clean.Length == 0 ? "the node refused the call" : clean) + code;
    }

    // The exception's own message names the host and port; describe the cause without them.
    private static string Describe(HttpRequestException e)
    {
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the endpoint's host name does not resolve",
            HttpRequestError.ConnectionError when socket is not null =>
                $"could not connect to the endpoint ({socket.SocketErrorCode})",
            HttpRequestError.ConnectionError => "could not connect to the endpoint",
            HttpRequestError.SecureConnectionError => "the TLS handshake with the endpoint failed",
            _ => $"the request to the endpoint failed ({e.HttpRequestError})",
        };
    }
}
