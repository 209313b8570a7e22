using Microsoft.AspNetCore.Http.Features;

namespace Qapi.Server.Authentication;

/// <summary>
/// Rebuilds the absolute URL the client signed: scheme, host, port when not the default, path and query string
/// byte for byte as sent. Behind a proxy, the configured public base URL replaces scheme and host; forwarded
/// headers are applied earlier, and only from trusted proxies.
/// </summary>
internal static class SignedUrl
{
    public static string For(HttpContext context, string? publicBaseUrl) =>
        ForTarget(context, publicBaseUrl, RawTarget(context));

    /// <summary>The absolute URL for a request target (path and query) other than the one on the wire.</summary>
    public static string ForTarget(HttpContext context, string? publicBaseUrl, string target)
    {
        if (!string.IsNullOrEmpty(publicBaseUrl))
        {
            return publicBaseUrl.TrimEnd('/') + target;
        }

        var request = context.Request;
        var scheme = request.Scheme;
        var host = request.Host;
        var defaultPort = scheme == "https" ? 443 : 80;
        var authority = host.Port == defaultPort ? host.Host : host.Value;
        return $"{scheme}://{authority}{target}";
    }

    /// <summary>The request target as it arrived on the wire, not re-encoded.</summary>
    public static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            return raw;
        }

        var request = context.Request;
        return $"{request.PathBase}{request.Path}{request.QueryString}";
    }
}
