namespace Qapi.Server.Authentication;

/// <summary>Why a request was not authenticated: a stable token and the sentence the client reads.</summary>
public sealed record AuthFailure(string Error, string Reason)
{
    /// <summary>The HTTP status: 401, except for a body over the limit (413).</summary>
    public int Status { get; init; } = StatusCodes.Status401Unauthorized;

    public static AuthFailure MissingHeader(string name) =>
        new("missing_header", $"The {name} header is missing.");

    public static AuthFailure MissingParameter(string name) =>
        new("missing_parameter", $"The {name} query parameter is missing, empty or repeated.");

    public static readonly AuthFailure MalformedTimestamp = new("timestamp_malformed",
        "The qredo-api-ts header must be a decimal epoch timestamp in seconds, milliseconds, microseconds "
        + "or nanoseconds.");

    public static readonly AuthFailure UnknownApproverKey = new("key_unknown", "The approver key is not known.");

    public static readonly AuthFailure RevokedApproverKey = new("key_revoked",
        "The approver key has been revoked (enrolling a new key revokes the old one).");

    public static readonly AuthFailure UnknownKey = new("key_unknown", "The API key is not known.");

    public static readonly AuthFailure RevokedKey = new("key_revoked", "The API key has been revoked.");

    public static readonly AuthFailure ExpiredKey = new("key_expired", "The API key has expired.");

    public static readonly AuthFailure BadSignature = new("signature_mismatch",
        "The signature does not match timestamp + method + URL + body for this key.");

    public static readonly AuthFailure BadQuerySignature = new("signature_mismatch",
        "The signature does not match timestamp + method + URL (without the three qredo-api-* query parameters) "
        + "+ body for this key.");

    public static readonly AuthFailure Replayed = new("request_replayed",
        "This signed state-changing request was already accepted; sign it again with a new timestamp.");

    public static AuthFailure TimestampMalformedIn(string name) => new("timestamp_malformed",
        $"{name} must be a decimal epoch timestamp in seconds, milliseconds, microseconds or nanoseconds.");

    public static AuthFailure BodyTooLarge(int limit) =>
        new("body_too_large", $"The request body is over {limit} bytes.")
        {
            Status = StatusCodes.Status413PayloadTooLarge,
        };

    public static AuthFailure OutOfWindow(TimeSpan offset, DateTimeOffset now, int windowSeconds)
    {
        var seconds = (long)Math.Abs(offset.TotalSeconds);
        var way = offset > TimeSpan.Zero ? "ahead of" : "behind";
        var error = offset > TimeSpan.Zero ? "timestamp_in_future" : "timestamp_too_old";
        return new AuthFailure(error,
            $"The timestamp is {seconds} s {way} the server clock, outside the {windowSeconds} s window; "
            + $"server time is {now.ToUnixTimeSeconds()} (Unix seconds).");
    }
}
