namespace Qapi.Server.Authentication;

/// <summary>
/// Endpoint metadata, and the request feature that goes with it. On an endpoint so marked, a state-changing request
/// whose signature was accepted before is not refused as a replay when it carries an <c>Idempotency-Key</c>: a
/// client that lost the answer and sends the very same bytes again gets the answer its first request got. The
/// endpoint sees <see cref="Repeated"/> and may only answer from what that key already recorded; where nothing
/// was recorded (the first request was refused), it refuses the copy as a replay.
/// </summary>
internal sealed class IdempotentRepeat
{
    /// <summary>The endpoint metadata.</summary>
    public static readonly IdempotentRepeat Allowed = new();

    /// <summary>The request feature: this request is a byte-for-byte copy of one accepted before.</summary>
    public static readonly IdempotentRepeat Repeated = new();

    private IdempotentRepeat()
    {
    }

    /// <summary>Whether a replayed request may go on to its endpoint as a repeat.</summary>
    public static bool MayRepeat(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IdempotentRepeat>() is not null
        && context.Request.Headers.ContainsKey("Idempotency-Key");

    /// <summary>Whether this request is such a repeat.</summary>
    public static bool IsRepeat(HttpContext context) => context.Features.Get<IdempotentRepeat>() is not null;
}
