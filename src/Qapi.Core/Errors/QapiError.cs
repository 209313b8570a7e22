namespace Qapi.Core.Errors;

/// <summary>
/// A refusal the caller can act on. <see cref="Reason"/> is a stable token from docs/api-errors.md;
/// the message says exactly what was wrong and never carries a secret.
/// </summary>
public sealed class QapiError(QapiErrorKind kind, string reason, string message) : Exception(message)
{
    /// <summary>What kind of refusal it is; decides the HTTP status.</summary>
    public QapiErrorKind Kind { get; } = kind;

    /// <summary>The stable reason token.</summary>
    public string Reason { get; } = reason;

    /// <summary>A malformed body or invalid field (400).</summary>
    public static QapiError Invalid(string reason, string message) => new(QapiErrorKind.Invalid, reason, message);

    /// <summary>The object does not exist or belongs to another account (404).</summary>
    public static QapiError NotFound(string reason, string message) => new(QapiErrorKind.NotFound, reason, message);

    /// <summary>The caller lacks the permission or the scope (403).</summary>
    public static QapiError Forbidden(string reason, string message) =>
        new(QapiErrorKind.Forbidden, reason, message);

    /// <summary>The request conflicts with the current state (409).</summary>
    public static QapiError Conflict(string reason, string message) => new(QapiErrorKind.Conflict, reason, message);
}
