using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Evm;

namespace Qapi.Server.Tests.Approvers;

/// <summary>
/// Signs requests to the approvers' channel by hand (not through Qapi.Client), with hooks to break the timestamp or
/// the signature on purpose.
/// </summary>
public sealed class ApproverChannelClient(HttpClient http, string origin, TestApprover approver)
{
    public TestApprover Approver => approver;

    public static string Now() =>
        DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public async Task<List<ApproverAction>> ActionsAsync()
    {
        using var response = await GetAsync("/actions");
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<ApproverActionsResponse>())!.Actions];
    }

    /// <summary>Approves or rejects with a valid signature over the transaction as the server stores it.</summary>
    public Task<HttpResponseMessage> DecideAsync(
        string txId, ApprovalDecision decision, EvmTransactionRequest request, string? timestamp = null) =>
        DecideWithSignatureAsync(txId, decision,
            ApproverKeys.Sign(approver.PrivateKey, ApprovalDigest.Compute(txId, decision, request)), timestamp);

    public Task<HttpResponseMessage> DecideWithSignatureAsync(
        string txId, ApprovalDecision decision, string signature, string? timestamp = null)
    {
        var body = JsonSerializer.Serialize(new { signature });
        var method = decision == ApprovalDecision.Approve ? HttpMethod.Put : HttpMethod.Delete;
        return SendAsync(method, "/actions/" + txId, body, timestamp);
    }

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? body, string? timestamp = null, string? signature = null,
        string? keyId = null)
    {
        var url = origin + "/approver/v1" + path;
        timestamp ??= Now();
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        signature ??= ApproverRequestSignature.Compute(approver.PrivateKey, timestamp, method.Method, url, bytes);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.TryAddWithoutValidation(ApproverHeaders.KeyId, keyId ?? approver.KeyId);
        request.Headers.TryAddWithoutValidation(ApproverHeaders.Timestamp, timestamp);
        request.Headers.TryAddWithoutValidation(ApproverHeaders.Signature, signature);
        return await http.SendAsync(request);
    }

    /// <summary>The transaction's fields as the approver was shown them, validated like the server does.</summary>
    public static EvmTransactionRequest RequestOf(ApproverAction action) =>
        EvmTransactionRequestParser.Parse(new EvmTransactionFields
        {
            From = action.From,
            To = action.To,
            Value = action.Value,
            GasLimit = action.GasLimit,
            GasPrice = action.GasPrice.Length == 0 ? null : action.GasPrice,
            MaxFeePerGas = action.MaxFeePerGas.Length == 0 ? null : action.MaxFeePerGas,
            MaxPriorityFeePerGas = action.MaxPriorityFeePerGas.Length == 0 ? null : action.MaxPriorityFeePerGas,
            Data = action.Data,
            ChainId = action.ChainId,
        }).Request!;
}
