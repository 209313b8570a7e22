using System.Net.Http.Headers;
using System.Text;
using Qapi.Core.Protocol;

namespace Qapi.Server.Tests.Support;

/// <summary>Sends requests signed per PROTOCOL.md, with hooks to break any part of the signature on purpose.</summary>
public sealed class SignedClient(HttpClient http, string baseUrl, string keyId, string secret)
{
    public string KeyId => keyId;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body,
        Action<SigningParts>? tamper = null)
    {
        var parts = new SigningParts
        {
            KeyId = keyId,
            Secret = secret,
            // Microseconds: two identical POSTs in one second would otherwise be one request (a replay).
            Timestamp = ((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10).ToString(System.Globalization
                .CultureInfo.InvariantCulture),
            Method = method.Method,
            Url = baseUrl.TrimEnd('/') + path,
            Body = body ?? "",
        };
        tamper?.Invoke(parts);
        return SendSignedAsync(method, baseUrl.TrimEnd('/') + path, body, parts);
    }

    public async Task<HttpResponseMessage> SendSignedAsync(
        HttpMethod method, string url, string? body, SigningParts parts)
    {
        var signature = parts.Signature ?? RequestSignature.Compute(ApiSecret.ToKeyBytes(parts.Secret),
            parts.Timestamp, parts.Method, parts.Url, Encoding.UTF8.GetBytes(parts.Body));
        parts.Signature = signature;
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (!parts.OmitKey)
        {
            request.Headers.TryAddWithoutValidation(QredoHeaders.ApiKey, parts.KeyId);
        }

        if (!parts.OmitTimestamp)
        {
            request.Headers.TryAddWithoutValidation(QredoHeaders.Timestamp, parts.Timestamp);
        }

        if (!parts.OmitSignature)
        {
            request.Headers.TryAddWithoutValidation(QredoHeaders.Signature, signature);
        }

        foreach (var (name, value) in parts.ExtraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }
}
