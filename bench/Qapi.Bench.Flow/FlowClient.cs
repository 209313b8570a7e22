using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Qapi.Client;
using Qapi.Client.Approvers;
using Qapi.Client.Models;
using Qapi.Client.Signing;
using Qapi.Core.Approvals;
using Qapi.Core.Evm;

namespace Qapi.Bench.Flow;

/// <summary>
/// Drives one transaction through the full flow over HTTP, as a client and two approvers would: an HMAC-signed
/// <c>POST /qapi/v1/transaction</c>, then each approver's key-signed <c>PUT /approver/v1/actions/{tx_id}</c>, until
/// the second approval answers <c>approved</c> with the signed transaction. The approvals sign the digest computed
/// here from what was sent and the returned txID, never a text the server supplied.
/// </summary>
internal sealed class FlowClient : IDisposable
{
    public const string Recipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private const string ChainId = "11155111";
    private const string Value = "1000000000";
    private const string GasLimit = "21000";
    private const string MaxFeePerGas = "30000000000";
    private const string MaxPriorityFeePerGas = "1000000000";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _api;
    private readonly Uri _transactionUrl;
    private readonly string _walletAddress;
    private readonly EvmTransactionRequest _request;
    private readonly List<(BenchApprover Approver, HttpClient Http, ApproverClient Client)> _approvers = [];

    public FlowClient(string origin, DemoCredentials demo, IReadOnlyList<BenchApprover> approvers)
    {
        _api = new HttpClient(new QredoSigningHandler(demo.ApiKey, demo.Secret, NewConnectionPool()))
        {
            Timeout = RequestTimeout,
        };
        _transactionUrl = new Uri(demo.BaseUrl.TrimEnd('/') + "/transaction");
        _walletAddress = demo.WalletAddress;
        foreach (var approver in approvers)
        {
            var http = new HttpClient(new ApproverSigningHandler(approver.KeyId, approver.PrivateKeyHex,
                NewConnectionPool())) { Timeout = RequestTimeout };
            _approvers.Add((approver, http, new ApproverClient(http, new Uri(origin))));
        }

        // Every transaction carries the same fields; only its note differs, and the note is not in the digest.
        var parsed = EvmTransactionRequestParser.Parse(new EvmTransactionFields
        {
            From = _walletAddress,
            To = Recipient,
            Value = Value,
            GasLimit = GasLimit,
            MaxFeePerGas = MaxFeePerGas,
            MaxPriorityFeePerGas = MaxPriorityFeePerGas,
            ChainId = ChainId,
        });
        _request = parsed.Request ?? throw new InvalidOperationException(string.Join("; ", parsed.Errors));
    }

    /// <summary>
    /// Creates a transaction with this note (which makes its body unique) and has both approvers approve.
    /// </summary>
    public async Task<FlowResult> RunAsync(string note, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var txId = await CreateAsync(note, cancellationToken);
        var created = Stopwatch.GetTimestamp();

        var ticks = new List<long>(_approvers.Count);
        var last = created;
        ApproverDecisionResponse? answer = null;
        foreach (var (approver, _, client) in _approvers)
        {
            var digest = ApprovalDigest.Compute(txId, ApprovalDecision.Approve, _request);
            var signature = ApproverKeys.Sign(approver.PrivateKeyHex, digest);
            answer = await client.DecideAsync(txId, ApprovalDecision.Approve, signature, cancellationToken);
            var now = Stopwatch.GetTimestamp();
            ticks.Add(now - last);
            last = now;
        }

        if (answer is not { Status: "approved", SignedTx.Length: > 0 })
        {
            throw new FlowException($"Transaction {txId} ended the flow {answer?.Status ?? "unanswered"}, not signed.");
        }

        return new FlowResult(txId, answer.TxHash, answer.SignedTx, created - started, ticks[0], ticks[^1]);
    }

    /// <summary>Reads a transaction's status through <c>GET /qapi/v1/transactions/{tx_id}/status</c>.</summary>
    public async Task<TxInfoResponse> StatusAsync(string txId, CancellationToken cancellationToken)
    {
        var url = new Uri(_transactionUrl.ToString() + "s/" + Uri.EscapeDataString(txId) + "/status");
        using var response = await _api.GetAsync(url, cancellationToken);
        return await ReadInfoAsync(response, cancellationToken);
    }

    public void Dispose()
    {
        _api.Dispose();
        foreach (var (_, http, _) in _approvers)
        {
            http.Dispose();
        }
    }

    private async Task<string> CreateAsync(string note, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["from"] = _walletAddress,
            ["to"] = Recipient,
            ["value"] = Value,
            ["gasLimit"] = GasLimit,
            ["maxFeePerGas"] = MaxFeePerGas,
            ["maxPriorityFeePerGas"] = MaxPriorityFeePerGas,
            ["chainID"] = ChainId,
            ["note"] = note,
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _api.PostAsync(_transactionUrl, content, cancellationToken);
        var info = await ReadInfoAsync(response, cancellationToken);
        return info.Status == "pending"
            ? info.TxId
            : throw new FlowException($"Transaction {info.TxId} was created {info.Status}, not pending.");
    }

    private static async Task<TxInfoResponse> ReadInfoAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new FlowException($"The server answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(text)}");
        }

        return JsonSerializer.Deserialize(text, QapiJsonContext.Default.TxInfoResponse)
            ?? throw new FlowException("The server answered an empty transaction.");
    }

    private static SocketsHttpHandler NewConnectionPool() => new()
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
        UseCookies = false,
    };
}
