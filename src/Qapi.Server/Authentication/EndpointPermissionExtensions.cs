using Qapi.Core.Keys;

namespace Qapi.Server.Authentication;

/// <summary>Declares, on each endpoint, which key permissions may call it.</summary>
internal static class EndpointPermissionExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, ApiKeyPermissions accepted)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new PermissionFilter(accepted));

    public static ApiCaller Caller(this HttpContext context) =>
        context.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("No authenticated caller.");
}
