using Qapi.Core.Errors;

namespace Qapi.Data.Services;

/// <summary>
/// Checks text fields before anything is written, so an over-long value is a clear 400 rather than a database
/// error (PostgreSQL enforces column lengths; SQLite does not).
/// </summary>
internal static class FieldRules
{
    /// <summary>A required, non-blank text of at most <paramref name="maxLength"/> characters; trimmed.</summary>
    public static string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw QapiError.Invalid("field_required", $"The field '{field}' is required.");
        }

        return Bounded(value, field, maxLength).Trim();
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public static string Bounded(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw QapiError.Invalid("field_too_long",
                $"The field '{field}' is {value.Length} characters long; at most {maxLength} are allowed.");
}
