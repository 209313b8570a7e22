using Qapi.Core.Approvals;
using Qapi.Server.Authentication;

namespace Qapi.Server.Approvers;

/// <summary>
/// The key id, timestamp and signature a request on the approvers' channel presents, where they came from, and the
/// URL the signature covers.
/// </summary>
internal sealed record ApproverCredentials(
    string KeyId,
    string Timestamp,
    string Signature,
    string SignedUrl,
    bool FromQuery)
{
    private static readonly string[] Parameters =
    [
        ApproverHeaders.KeyIdParameter, ApproverHeaders.TimestampParameter, ApproverHeaders.SignatureParameter,
    ];

    /// <summary>
    /// Reads the three headers; where <paramref name="queryAllowed"/> and no header is present, the three query
    /// parameters instead. <paramref name="url"/> is the URL as the client addressed it.
    /// </summary>
    public static ApproverCredentials? Read(
        HttpRequest request, string url, bool queryAllowed, out AuthFailure? failure)
    {
        string[] names = [ApproverHeaders.KeyId, ApproverHeaders.Timestamp, ApproverHeaders.Signature];
        var headers = names.Select(n => Header(request, n)).ToArray();
        var anyHeader = names.Any(n => request.Headers.ContainsKey(n));
        if (anyHeader || !queryAllowed || !url.Contains('?', StringComparison.Ordinal))
        {
            var missing = Array.FindIndex(headers, h => h is null);
            failure = missing >= 0 ? AuthFailure.MissingHeader(names[missing]) : null;
            return failure is null ? new ApproverCredentials(headers[0]!, headers[1]!, headers[2]!, url, false) : null;
        }

        return FromQueryString(url, out failure);
    }

    /// <summary>
    /// Takes the credentials out of the query: every <c>name=value</c> component named exactly <c>approver</c>,
    /// <c>ts</c> or <c>sig</c> is removed, the others keep their bytes and order, and the <c>?</c> goes when none
    /// is left. The signature covers that URL.
    /// </summary>
    private static ApproverCredentials? FromQueryString(string url, out AuthFailure? failure)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var kept = new List<string>();
        var found = Parameters.ToDictionary(p => p, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var component in url[(question + 1)..].Split('&'))
        {
            var equals = component.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? component : component[..equals];
            if (found.TryGetValue(name, out var values))
            {
                values.Add(Uri.UnescapeDataString(equals < 0 ? "" : component[(equals + 1)..]));
            }
            else
            {
                kept.Add(component);
            }
        }

        var bad = Parameters.FirstOrDefault(p => found[p] is not [{ Length: > 0 }]);
        if (bad is not null)
        {
            failure = AuthFailure.MissingParameter(bad);
            return null;
        }

        failure = null;
        var signedUrl = url[..question] + (kept.Count > 0 ? "?" + string.Join('&', kept) : "");
        return new ApproverCredentials(found[ApproverHeaders.KeyIdParameter][0],
            found[ApproverHeaders.TimestampParameter][0], found[ApproverHeaders.SignatureParameter][0], signedUrl,
            true);
    }

    private static string? Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }
}
