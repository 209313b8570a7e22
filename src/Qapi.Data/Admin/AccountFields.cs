using System.Text.RegularExpressions;
using Qapi.Core.Errors;

namespace Qapi.Data.Admin;

/// <summary>
/// Checks the profile fields that reach the store through the admin API, before anything is written. Lengths
/// stay within the columns' sizes, and usernames are plain handles so they cannot pass for someone else's.
/// </summary>
public static partial class AccountFields
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxAddressLength = 200;

    /// <summary>3 to 32 characters: lowercase letters, digits, '.', '_', '-'; the first a letter or digit.</summary>
    public static string Username(string? value)
    {
        var username = Required(value, "username");
        return UsernamePattern().IsMatch(username)
            ? username
            : throw QapiError.Invalid("invalid_username",
                "A username is 3 to 32 characters: lowercase letters, digits, '.', '_' or '-', "
                + "starting with a letter or a digit.");
    }

    /// <summary>An address of the form local@domain.tld, without spaces.</summary>
    public static string Email(string? value)
    {
        var email = Required(value, "email");
        return email.Length <= MaxEmailLength && EmailPattern().IsMatch(email)
            ? email
            : throw QapiError.Invalid("invalid_email", "The email must look like name@example.com.");
    }

    /// <summary>A required name of at most <see cref="MaxNameLength"/> characters, no control characters.</summary>
    public static string Name(string? value, string field) => Text(Required(value, field), field, MaxNameLength);

    /// <summary>An optional text field: null or empty becomes empty; otherwise limited and free of controls.</summary>
    public static string Optional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "" : Text(value.Trim(), field, maxLength);

    /// <summary>An ISO 4217 code: three uppercase letters.</summary>
    public static string Fiat(string? value) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper)
            ? value
            : throw QapiError.Invalid("invalid_fiat", "defaultFiat is a currency code of three uppercase letters.");

    /// <summary>A domain name such as example.com (empty allowed).</summary>
    public static string Domain(string? value)
    {
        var domain = Optional(value, "domain", 253).ToLowerInvariant();
        return domain.Length == 0 || DomainPattern().IsMatch(domain)
            ? domain
            : throw QapiError.Invalid("invalid_domain", "The domain must be a name such as example.com.");
    }

    /// <summary>A required, trimmed value.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw QapiError.Invalid("field_required", $"The field '{field}' is required.")
            : value.Trim();

    private static string Text(string value, string field, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw QapiError.Invalid("field_too_long", $"The field '{field}' is longer than {maxLength} characters.");
        }

        return value.Any(char.IsControl)
            ? throw QapiError.Invalid("invalid_characters", $"The field '{field}' holds control characters.")
            : value;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,31}\z")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z")]
    private static partial Regex DomainPattern();
}
