using System.Globalization;
using System.Text.Json;
using Qapi.Core.Errors;
using Qapi.Core.Keys;

namespace Qapi.Server.Admin.Keys;

/// <summary>
/// Reads the body of a key create or update: <c>{name, permissions, wallets, expiresAt}</c>. Every field is
/// checked here, before anything is written; a field the request may not carry is refused, not ignored, so a
/// typo never turns into a silent no-op.
/// </summary>
internal static class KeyRequestReader
{
    private static readonly string[] CreateFields = ["name", "permissions", "wallets", "expiresAt"];
    private static readonly string[] UpdateFields = ["name", "permissions", "expiresAt"];

    public static KeyChange ReadCreate(byte[] body) => Read(body, CreateFields);

    public static KeyChange ReadUpdate(byte[] body) => Read(body, UpdateFields);

    private static KeyChange Read(byte[] body, string[] allowed)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw QapiError.Invalid("unknown_field",
                    $"'{property.Name}' is not a field of this request; it takes {string.Join(", ", allowed)}.");
            }
        }

        var expiresGiven = root.TryGetProperty("expiresAt", out var expires);
        return new KeyChange(
            Name(root),
            Permissions(root),
            Wallets(root),
            expiresGiven,
            expiresGiven ? Expiry(expires) : null);
    }

    private static JsonDocument Parse(byte[] body)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        }
        catch (JsonException)
        {
            throw QapiError.Invalid("malformed_body", "The body is not JSON.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw QapiError.Invalid("malformed_body", "The body must be a JSON object.");
        }

        return document;
    }

    private static string? Name(JsonElement root)
    {
        if (!root.TryGetProperty("name", out var name) || name.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = name.ValueKind == JsonValueKind.String ? name.GetString()!.Trim() : null;
        return text is { Length: > 0 and <= 100 }
            ? text
            : throw QapiError.Invalid("invalid_name", "name must be text of 1 to 100 characters.");
    }

    /// <summary>An array of names (<c>["balance","read_only"]</c>) or one comma-separated string.</summary>
    private static ApiKeyPermissions? Permissions(JsonElement root)
    {
        if (!root.TryGetProperty("permissions", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                string.Join(',', value.EnumerateArray().Select(e => e.GetString())),
            _ => throw QapiError.Invalid("invalid_permissions",
                "permissions must be an array of names: balance, read_only, web3, admin."),
        };
        if (!ApiKeyPermissionNames.TryParse(text, out var permissions, out var unknown))
        {
            throw QapiError.Invalid("unknown_permission",
                $"Unknown permission '{unknown}': use balance, read_only, web3 or admin.");
        }

        return permissions;
    }

    private static IReadOnlyList<string> Wallets(JsonElement root)
    {
        if (!root.TryGetProperty("wallets", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0)
            ? value.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList()
            : throw QapiError.Invalid("invalid_wallets", "wallets must be an array of wallet ids.");
    }

    /// <summary>ISO 8601, UTC unless it carries an offset; null means no expiry.</summary>
    private static DateTimeOffset? Expiry(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, styles, out var expiry)
            ? expiry
            : throw QapiError.Invalid("invalid_expiry",
                "expiresAt must be an ISO 8601 date or time, such as 2027-01-01T00:00:00Z, or null.");
    }
}
