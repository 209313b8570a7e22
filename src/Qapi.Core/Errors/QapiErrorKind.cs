namespace Qapi.Core.Errors;

/// <summary>Kinds of refusal, each with its HTTP status.</summary>
public enum QapiErrorKind
{
    /// <summary>400.</summary>
    Invalid,

    /// <summary>401.</summary>
    Unauthenticated,

    /// <summary>403.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>409.</summary>
    Conflict,
}
