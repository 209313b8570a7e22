using Qapi.Client.Models;

namespace Qapi.Client.Approvers;

/// <summary>The server refused a request (4xx or 5xx); <see cref="Error"/> is its Error body, if any.</summary>
public sealed class QapiRequestException(int status, ErrorResponse? error)
    : Exception(error is null
        ? $"The server answered {status}."
        : $"The server answered {status} ({error.Detail.Error}): {error.Detail.Reason}")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The Error body, when the server sent one.</summary>
    public ErrorResponse? Error { get; } = error;
}
