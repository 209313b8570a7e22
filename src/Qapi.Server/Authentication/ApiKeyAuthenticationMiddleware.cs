using Microsoft.Extensions.Options;
using Qapi.Core.Accounts;
using Qapi.Core.Protocol;
using Qapi.Data;
using Qapi.Server.Configuration;
using Qapi.Server.Errors;

namespace Qapi.Server.Authentication;

/// <summary>
/// Authenticates every <c>/qapi/v1</c> request by its HMAC-SHA256 signature over timestamp, method, URL and the
/// raw body (PROTOCOL.md), and refuses replays of state-changing requests. A WebSocket upgrade that carries none
/// of the three headers may carry them as query parameters instead (<see cref="QueryCredentials"/>); the query
/// string is never logged, since it then holds a signature.
/// </summary>
internal sealed partial class ApiKeyAuthenticationMiddleware(
    RequestDelegate next,
    IOptions<QapiOptions> options,
    ApiKeyLookup keys,
    StoreWriteGate writeGate,
    TimeProvider clock,
    ILogger<ApiKeyAuthenticationMiddleware> logger)
{
    private readonly QapiOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context, QapiDbContext db)
    {
        var failure = await AuthenticateAsync(context, db);
        if (failure is not null)
        {
            await RefuseAsync(context, failure);
            return;
        }

        await ReplayGuard.RunAsync(context, next, db, writeGate, () => RefuseAsync(context, AuthFailure.Replayed));
    }

    private Task RefuseAsync(HttpContext context, AuthFailure failure)
    {
        LogRefused(logger, context.Request.Method, context.Request.Path, failure.Error);
        return ApiErrorWriter.WriteAsync(context, failure.Status, failure.Error, failure.Reason);
    }

    private async Task<AuthFailure?> AuthenticateAsync(HttpContext context, QapiDbContext db)
    {
        var request = context.Request;
        var keyId = Header(request, QredoHeaders.ApiKey);
        var timestampText = Header(request, QredoHeaders.Timestamp);
        var signature = Header(request, QredoHeaders.Signature);
        string? signedTarget = null;
        if (keyId is null && timestampText is null && signature is null && context.WebSockets.IsWebSocketRequest
            && QueryCredentials.Parse(SignedUrl.RawTarget(context)) is { } query)
        {
            (keyId, timestampText, signature, signedTarget) = query;
        }

        if (keyId is null || timestampText is null || signature is null)
        {
            var missing = keyId is null ? QredoHeaders.ApiKey : timestampText is null ? QredoHeaders.Timestamp
                : QredoHeaders.Signature;
            return signedTarget is null ? AuthFailure.MissingHeader(missing) : AuthFailure.MissingParameter(missing);
        }

        if (!RequestTimestamp.TryParse(timestampText, out var timestamp))
        {
            return AuthFailure.MalformedTimestamp;
        }

        var now = clock.GetUtcNow();
        var window = _options.Auth.TimestampWindowSeconds;
        var offset = timestamp.OffsetFrom(now);
        if (Math.Abs(offset.TotalSeconds) > window)
        {
            return AuthFailure.OutOfWindow(offset, now, window);
        }

        if (!QapiId.IsWellFormed(keyId))
        {
            return AuthFailure.UnknownKey;
        }

        var key = await keys.FindAsync(db, keyId);
        if (key is null)
        {
            return AuthFailure.UnknownKey;
        }

        var body = await RequestBody.ReadAsync(request, _options.Auth.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return AuthFailure.BodyTooLarge(_options.Auth.MaxBodyBytes);
        }

        var url = signedTarget is null
            ? SignedUrl.For(context, _options.PublicBaseUrl)
            : SignedUrl.ForTarget(context, _options.PublicBaseUrl, signedTarget);
        if (!RequestSignature.Verify(keys.SecretOf(key), timestampText, request.Method, url, body, signature))
        {
            return signedTarget is null ? AuthFailure.BadSignature : AuthFailure.BadQuerySignature;
        }

        // Only a caller who holds the secret learns that a key is revoked or expired rather than wrong.
        if (key.RevokedAt is not null)
        {
            return AuthFailure.RevokedKey;
        }

        if (key.ExpiresAt is { } expiresAt && expiresAt <= now.ToUnixTimeSeconds())
        {
            return AuthFailure.ExpiredKey;
        }

        // A signature in a URL can end up in a proxy's log or a browser's history, so it is good for one
        // connection only, like the signature of a state-changing request.
        if (ReplayGuard.IsStateChanging(request.Method) || signedTarget is not null)
        {
            var keepUntil = (timestamp.UnixMilliseconds / 1000) + window + 1;
            if (!await ReplayGuard.AcceptAsync(context, db, writeGate, ReplayGuard.HashOf(key.Id, signature),
                    keepUntil))
            {
                return AuthFailure.Replayed;
            }
        }

        context.Features.Set(new SignedBody(body));
        var person = key.AccountKind == AccountKind.Personal ? key.AccountId : key.HolderId;
        context.RequestServices.GetRequiredService<Qapi.Data.Audit.AuditActor>().Name =
            person is null ? "key:" + key.Id : Qapi.Data.Admin.AdminActor.Of(person, key.Id);
        context.Features.Set(new ApiCaller(key.Id, key.AccountId, key.AccountKind, key.Permissions,
            key.WalletIds.Count == 0 ? null : key.WalletIds.ToHashSet(StringComparer.Ordinal), key.HolderId));
        return null;
    }

    private static string? Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Refused {Method} {Path}: {AuthError}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string authError);
}
