using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qapi.Core.Errors;
using Qapi.Server.Authentication;

namespace Qapi.Server.Admin;

/// <summary>Reads an admin request's JSON body: exactly the bytes whose signature was checked.</summary>
internal static class AdminBody
{
    public static T Read<T>(HttpContext context, JsonTypeInfo<T> type) =>
        Parse(context.Features.Get<SignedBody>()?.Bytes ?? [], type);

    public static T Parse<T>(byte[] body, JsonTypeInfo<T> type)
    {
        if (body.Length == 0)
        {
            throw QapiError.Invalid("body_required", "The body must be a JSON object.");
        }

        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw QapiError.Invalid("body_required", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            // The path names the field; the value is not quoted back.
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw QapiError.Invalid("malformed_body", $"The body is not the JSON object this endpoint takes{where}.");
        }
    }
}
