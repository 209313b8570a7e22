namespace Qapi.Data;

/// <summary>
/// The request's signature was recorded by another request while this one ran (an exact copy sent concurrently);
/// the authentication middleware answers it as any replay.
/// </summary>
public sealed class RequestReplayedException() : Exception("The request's signature was already accepted.");
