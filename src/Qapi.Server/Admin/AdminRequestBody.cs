using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qapi.Core.Errors;
using Qapi.Server.Authentication;

namespace Qapi.Server.Admin;

/// <summary>Parses the signed body of an admin request: exactly the bytes the signature covered.</summary>
internal static class AdminRequestBody
{
    public static T Read<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        var body = context.Features.Get<SignedBody>()?.Bytes ?? [];
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
            throw QapiError.Invalid("malformed_body", $"The body is not valid JSON of the expected shape{where}.");
        }
    }
}
