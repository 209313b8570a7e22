using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data.Admin;
using Qapi.Server.Authentication;

namespace Qapi.Server.Admin;

/// <summary>
/// The admin API beside <c>/qapi/v1</c>: the same HMAC-signed requests, by keys holding the <c>admin</c>
/// permission. What a request may change is checked against the holder's role on each object
/// (<see cref="AdminAuthorizer"/>); docs/admin-api.md lists the routes and the roles.
/// </summary>
internal static class AdminApi
{
    public const string BasePath = "/qapi/admin/v1";

    /// <summary>Self-service sign-up; the only admin route without a signature, and only when enabled.</summary>
    public const string SignupPath = BasePath + "/signup";

    /// <summary>Whether the request goes through API-key authentication (everything but sign-up).</summary>
    public static bool IsAuthenticated(PathString path) =>
        path.StartsWithSegments(BasePath) && !path.StartsWithSegments(SignupPath);

    /// <summary>Maps the group every authenticated admin endpoint hangs from.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(BasePath)
            .RequirePermission(ApiKeyPermissions.Admin)
            .WithTags("Admin API");

    /// <summary>The person and key behind an admin request.</summary>
    public static AdminPrincipal Principal(this HttpContext context)
    {
        var caller = context.Caller();
        return caller.PersonId is { } person
            ? new AdminPrincipal(person, caller.AccountId, caller.KeyId)
            : throw QapiError.Forbidden("admin_key_needs_holder",
                "This admin key is not held by a person, so no role can be checked for it.");
    }
}
