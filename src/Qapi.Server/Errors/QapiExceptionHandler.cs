using Microsoft.AspNetCore.Diagnostics;
using Qapi.Core.Errors;

namespace Qapi.Server.Errors;

/// <summary>
/// Maps domain refusals and malformed requests to the Error shape; anything else is a 500 with no detail.
/// </summary>
internal sealed partial class QapiExceptionHandler(ILogger<QapiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, error, reason) = exception switch
        {
            QapiError e => (StatusOf(e.Kind), e.Reason, e.Message),
            BadHttpRequestException e => (e.StatusCode, "bad_request", "The request is malformed."),
            _ => (StatusCodes.Status500InternalServerError, "internal_error",
                "The server failed to handle the request; it has been logged."),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception.GetType().Name, httpContext.Request.Path);
        }

        await ApiErrorWriter.WriteAsync(httpContext, status, error, reason);
        return true;
    }

    private static int StatusOf(QapiErrorKind kind) => kind switch
    {
        QapiErrorKind.Invalid => StatusCodes.Status400BadRequest,
        QapiErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        QapiErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        QapiErrorKind.NotFound => StatusCodes.Status404NotFound,
        QapiErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    // The exception's message and stack are left out on purpose: a driver's message can quote a row's values.
    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, PathString path);
}
