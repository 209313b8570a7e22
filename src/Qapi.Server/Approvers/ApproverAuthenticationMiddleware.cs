using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qapi.Core.Approvals;
using Qapi.Core.Protocol;
using Qapi.Data;
using Qapi.Server.Authentication;
using Qapi.Server.Configuration;
using Qapi.Server.Errors;

namespace Qapi.Server.Approvers;

/// <summary>
/// Authenticates every <c>/approver/v1</c> request by the approver's enrolled secp256k1 key: a signature over
/// SHA-256(timestamp + METHOD + URL + body), with the API keys' timestamp window, URL rebuilding and replay rule.
/// The feed's WebSocket may carry the three values in its query instead (browsers cannot set headers there).
/// </summary>
internal sealed partial class ApproverAuthenticationMiddleware(
    RequestDelegate next,
    IOptions<QapiOptions> options,
    StoreWriteGate writeGate,
    CompiledQueries queries,
    TimeProvider clock,
    ILogger<ApproverAuthenticationMiddleware> logger)
{
    /// <summary>Replay records of approver keys live beside API keys' under this prefix.</summary>
    private const string ReplayScopePrefix = "approver:";

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
        var url = SignedUrl.For(context, _options.PublicBaseUrl);
        var isFeed = HttpMethods.IsGet(request.Method)
            && request.Path.Equals(ApproverEndpoints.BasePath + ApproverEndpoints.FeedPath,
                StringComparison.OrdinalIgnoreCase);
        var credentials = ApproverCredentials.Read(request, url, queryAllowed: isFeed, out var failure);
        if (credentials is null)
        {
            return failure;
        }

        if (!RequestTimestamp.TryParse(credentials.Timestamp, out var timestamp))
        {
            return AuthFailure.TimestampMalformedIn(credentials.FromQuery
                ? $"The {ApproverHeaders.TimestampParameter} query parameter"
                : $"The {ApproverHeaders.Timestamp} header");
        }

        var now = clock.GetUtcNow();
        var window = _options.Auth.TimestampWindowSeconds;
        var offset = timestamp.OffsetFrom(now);
        if (Math.Abs(offset.TotalSeconds) > window)
        {
            return AuthFailure.OutOfWindow(offset, now, window);
        }

        var key = QapiId.IsWellFormed(credentials.KeyId)
            ? await queries.ApproverKeyAsync(db, credentials.KeyId, context.RequestAborted)
            : null;
        if (key is null)
        {
            return AuthFailure.UnknownApproverKey;
        }

        if (key.RevokedAt is not null)
        {
            return AuthFailure.RevokedApproverKey;
        }

        var body = await RequestBody.ReadAsync(request, _options.Auth.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return AuthFailure.BodyTooLarge(_options.Auth.MaxBodyBytes);
        }

        if (!ApproverRequestSignature.Verify(key.PublicKey, credentials.Timestamp, request.Method,
                credentials.SignedUrl, body, credentials.Signature))
        {
            return AuthFailure.BadSignature;
        }

        // A feed URL signed in its query may end up in a proxy's or browser's history, so it opens one connection;
        // header-signed reads may repeat, as on /qapi/v1. Verify() accepted 64 bytes of hex with a low s, so the
        // decoded bytes are the one encoding of this signature: re-casing the hex is still a replay.
        if (ReplayGuard.IsStateChanging(request.Method) || credentials.FromQuery)
        {
            var keepUntil = (timestamp.UnixMilliseconds / 1000) + window + 1;
            var signatureBytes = Convert.FromHexString(credentials.Signature);
            var hash = ReplayGuard.HashOf(ReplayScopePrefix + key.Id, signatureBytes);
            if (!await ReplayGuard.AcceptAsync(context, db, writeGate, hash, keepUntil))
            {
                return AuthFailure.Replayed;
            }
        }

        context.Features.Set(new SignedBody(body));
        context.Features.Set(new ApproverCaller(key.Id, key.MemberId));
        context.RequestServices.GetRequiredService<Qapi.Data.Audit.AuditActor>().Name = "approver:" + key.Id;
        return null;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Refused approver {Method} {Path}: {AuthError}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string authError);
}
