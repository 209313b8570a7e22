using Qapi.Core.Protocol;

namespace Qapi.Server.Authentication;

/// <summary>
/// The three credentials carried as query parameters, for browsers, which cannot set headers on a WebSocket
/// upgrade. The client signs the URL without them: the request target with the three parameters (each with the
/// <c>&amp;</c> that joined it) removed, every other byte kept in order, and no <c>?</c> when nothing is left.
/// </summary>
internal sealed record QueryCredentials(string? KeyId, string? Timestamp, string? Signature, string SignedTarget)
{
    /// <summary>The credentials in the target's query, or null when it names none of the three parameters.</summary>
    public static QueryCredentials? Parse(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        var found = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<string>();
        foreach (var pair in rawTarget[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (name.Equals(QredoHeaders.ApiKey, StringComparison.OrdinalIgnoreCase)
                || name.Equals(QredoHeaders.Timestamp, StringComparison.OrdinalIgnoreCase)
                || name.Equals(QredoHeaders.Signature, StringComparison.OrdinalIgnoreCase))
            {
                // Percent-decoding only: a '+' stays a '+', as base64 signatures need.
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                (found.TryGetValue(name, out var values) ? values : found[name] = []).Add(value);
            }
            else
            {
                kept.Add(pair);
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var path = rawTarget[..question];
        var signedTarget = kept.Count == 0 ? path : path + "?" + string.Join('&', kept);
        return new QueryCredentials(Single(found, QredoHeaders.ApiKey), Single(found, QredoHeaders.Timestamp),
            Single(found, QredoHeaders.Signature), signedTarget);
    }

    private static string? Single(Dictionary<string, List<string>> found, string name) =>
        found.TryGetValue(name, out var values) && values is [{ Length: > 0 } value] ? value : null;
}
