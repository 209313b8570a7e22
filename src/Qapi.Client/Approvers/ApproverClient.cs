using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qapi.Client.Models;
using Qapi.Client.Signing;
using Qapi.Core.Approvals;

namespace Qapi.Client.Approvers;

/// <summary>
/// A typed client of the approvers' channel. Give it an <see cref="HttpClient"/> whose handler chain includes an
/// <see cref="ApproverSigningHandler"/>, and the server's base URL (for example <c>http://127.0.0.1:8002</c>).
/// </summary>
public sealed class ApproverClient(HttpClient http, Uri serverUrl)
{
    private readonly string _base = serverUrl.ToString().TrimEnd('/') + "/approver/v1";

    /// <summary>The actions awaiting this approver, oldest first.</summary>
    public async Task<ApproverActionsResponse> ListAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(_base + "/actions"), cancellationToken);
        return await ReadAsync(response, QapiJsonContext.Default.ApproverActionsResponse, cancellationToken);
    }

    /// <summary>One transaction whose policy names this approver, with what each decision would sign.</summary>
    public async Task<ApproverAction> GetAsync(string txId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(ActionUrl(txId), cancellationToken);
        return await ReadAsync(response, QapiJsonContext.Default.ApproverAction, cancellationToken);
    }

    /// <summary>
    /// Sends a decision with its signature over the approval digest (see <see cref="ApproverActionSigner"/>).
    /// </summary>
    public async Task<ApproverDecisionResponse> DecideAsync(
        string txId, ApprovalDecision decision, string signature, CancellationToken cancellationToken = default)
    {
        var method = decision == ApprovalDecision.Approve ? HttpMethod.Put : HttpMethod.Delete;
        using var request = new HttpRequestMessage(method, ActionUrl(txId))
        {
            Content = JsonContent.Create(new ApproverDecisionRequest(signature),
                QapiJsonContext.Default.ApproverDecisionRequest),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, QapiJsonContext.Default.ApproverDecisionResponse, cancellationToken);
    }

    private Uri ActionUrl(string txId) => new(_base + "/actions/" + Uri.EscapeDataString(txId));

    private static async Task<T> ReadAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new QapiRequestException((int)response.StatusCode, TryError(body));
        }

        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new JsonException("The answer is empty.");
        }
        catch (JsonException e)
        {
            throw new QapiRequestException((int)response.StatusCode,
                new ErrorResponse("", "", new ErrorDetail("The answer is not the expected JSON: " + e.Message,
                    "unexpected_answer")));
        }
    }

    private static ErrorResponse? TryError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, QapiJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
