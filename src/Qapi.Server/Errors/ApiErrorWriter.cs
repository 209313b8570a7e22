using Microsoft.AspNetCore.WebUtilities;
using Qapi.Client;
using Qapi.Client.Models;

namespace Qapi.Server.Errors;

/// <summary>Writes the spec's Error shape; the one place that decides how refusals look on the wire.</summary>
internal static class ApiErrorWriter
{
    public static ErrorResponse Create(int status, string error, string reason) =>
        new(status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ReasonPhrases.GetReasonPhrase(status), new ErrorDetail(reason, error));

    public static Task WriteAsync(HttpContext context, int status, string error, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(status, error, reason), QapiJsonContext.Default.ErrorResponse,
            cancellationToken: context.RequestAborted);
    }

    public static IResult Result(int status, string error, string reason) =>
        Results.Json(Create(status, error, reason), QapiJsonContext.Default.ErrorResponse, statusCode: status);
}
