using Qapi.Core.Keys;
using Qapi.Server.Errors;

namespace Qapi.Server.Authentication;

/// <summary>Lets a request through only when its key holds one of the permissions the endpoint accepts.</summary>
internal sealed class PermissionFilter(ApiKeyPermissions accepted) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = context.HttpContext.Features.Get<ApiCaller>();
        if (caller is null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status401Unauthorized, "not_authenticated",
                "The request is not authenticated.");
        }

        if ((caller.Permissions & accepted) == 0)
        {
            return ApiErrorWriter.Result(StatusCodes.Status403Forbidden, "permission_missing",
                $"The API key lacks the permission this endpoint needs ({ApiKeyPermissionNames.Format(accepted)}).");
        }

        return await next(context);
    }
}
