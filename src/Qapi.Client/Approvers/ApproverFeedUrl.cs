using System.Globalization;
using Qapi.Core.Approvals;

namespace Qapi.Client.Approvers;

/// <summary>
/// The approver feed's WebSocket URL with its credentials in the query, for clients that cannot set headers on a
/// WebSocket (browsers). The signature covers <c>ts + "GET" + URL</c>, where URL is the feed's address with the
/// <c>http</c>/<c>https</c> scheme the upgrade request travels under and without the three credential parameters.
/// </summary>
public static class ApproverFeedUrl
{
    /// <summary>
    /// Signs <paramref name="feedUrl"/> (http, https, ws or wss; any query of its own is kept and signed) and returns
    /// it as a ws/wss URL with <c>approver</c>, <c>ts</c> and <c>sig</c> appended.
    /// </summary>
    public static Uri Sign(Uri feedUrl, string keyId, string privateKeyHex, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        var http = new UriBuilder(feedUrl)
        {
            Scheme = feedUrl.Scheme is "wss" or "https" ? "https" : "http",
            Port = feedUrl.IsDefaultPort ? -1 : feedUrl.Port,
            Fragment = "",
        }.Uri;
        using var upgrade = new HttpRequestMessage(HttpMethod.Get, http);
        var signedUrl = Signing.QredoSigningHandler.SignedUrl(upgrade);
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = ApproverRequestSignature.Compute(privateKeyHex, timestamp, "GET", signedUrl, []);

        var separator = signedUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var socketUrl = (http.Scheme == "https" ? "wss" : "ws") + signedUrl[http.Scheme.Length..];
        return new Uri(socketUrl + separator
            + $"{ApproverHeaders.KeyIdParameter}={Uri.EscapeDataString(keyId)}"
            + $"&{ApproverHeaders.TimestampParameter}={timestamp}&{ApproverHeaders.SignatureParameter}={signature}");
    }
}
