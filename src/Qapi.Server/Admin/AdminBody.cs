using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qapi.Core.Errors;
using Qapi.Server.Authentication;

namespace Qapi.Server.Admin;

/// <summary>
/// Reads an admin request's JSON body: exactly the bytes whose signature was checked. A field the request does
/// not take is refused, not ignored, so a typo (<c>{"staus": "expired"}</c>) never turns into a silent no-op.
/// </summary>
internal static class AdminBody
{
    private const int LongestFieldQuoted = 64;

    public static T Read<T>(HttpContext context, JsonTypeInfo<T> type) =>
        Parse(context.Features.Get<SignedBody>()?.Bytes ?? [], type);

    public static T Parse<T>(byte[] body, JsonTypeInfo<T> type)
    {
        if (body.Length == 0)
        {
            throw QapiError.Invalid("body_required", "The body must be a JSON object.");
        }

        T request;
        try
        {
            request = JsonSerializer.Deserialize(body, type)
                ?? throw QapiError.Invalid("body_required", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            // The path names the field; the value is not quoted back.
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw QapiError.Invalid("malformed_body", $"The body is not the JSON object this endpoint takes{where}.");
        }

        RefuseUnknownFields(body, type);
        return request;
    }

    /// <summary>Checks the top-level names of a body that already deserialized as an object of this type.</summary>
    private static void RefuseUnknownFields(ReadOnlySpan<byte> body, JsonTypeInfo type)
    {
        var reader = new Utf8JsonReader(body.StartsWith("\uFEFF"u8) ? body[3..] : body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!type.Properties.Any(p => p.Name == name))
            {
                var quoted = name.Length > LongestFieldQuoted ? name[..LongestFieldQuoted] + "..." : name;
                var fields = string.Join(", ", type.Properties.Select(p => p.Name));
                throw QapiError.Invalid("unknown_field",
                    $"'{quoted}' is not a field of this request; it takes {fields}.");
            }

            reader.Skip();
        }
    }
}
