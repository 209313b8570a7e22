using System.Globalization;
using Qapi.Core.Protocol;

namespace Qapi.Client.Signing;

/// <summary>
/// Adds the three Qredo API v1 authentication headers to every request. The body is buffered first, so the bytes
/// signed are exactly the bytes sent, and the URL signed is the one the request goes to on the wire.
/// </summary>
public sealed class QredoSigningHandler : DelegatingHandler
{
    private readonly string _apiKey;
    private readonly byte[] _secretKey;
    private readonly TimeProvider _clock;

    /// <summary>Signs with the key's id and secret text; the inner handler is set later (for example by DI).</summary>
    /// <exception cref="FormatException">The secret is not base64 text.</exception>
    public QredoSigningHandler(string apiKey, string secret, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
        _secretKey = ApiSecret.ToKeyBytes(secret);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Signs with the key's id and secret text, sending through the given handler.</summary>
    /// <exception cref="FormatException">The secret is not base64 text.</exception>
    public QredoSigningHandler(
        string apiKey, string secret, HttpMessageHandler innerHandler, TimeProvider? clock = null)
        : this(apiKey, secret, clock)
    {
        InnerHandler = innerHandler;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = SignedUrl(request);
        var body = await SignedContent.BufferAsync(request, cancellationToken);

        // A caller that chose its timestamp (a replayed test vector, a clock check) keeps it; the text is signed
        // exactly as it goes into the header.
        var timestamp = request.Headers.TryGetValues(QredoHeaders.Timestamp, out var given)
            ? given.First()
            : _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = RequestSignature.Compute(_secretKey, timestamp, request.Method.Method, url, body);

        SignedContent.SetHeaders(request, (QredoHeaders.ApiKey, _apiKey), (QredoHeaders.Timestamp, timestamp),
            (QredoHeaders.Signature, signature));
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// The absolute URL as HttpClient puts it on the wire: the Host header it derives from the URI (the port only
    /// when not the scheme's default) and the escaped path and query of the request line. A fragment is never sent.
    /// </summary>
    public static string SignedUrl(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException(
                "A signed request needs an absolute URL (or an HttpClient BaseAddress).");
        }

        var authority = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        if (uri.HostNameType == UriHostNameType.IPv6 && !authority.StartsWith('['))
        {
            authority = uri.IsDefaultPort ? $"[{uri.IdnHost}]" : $"[{uri.IdnHost}]:{uri.Port}";
        }

        return $"{uri.Scheme}://{authority}{uri.PathAndQuery}";
    }
}
