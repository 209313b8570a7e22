using Microsoft.Extensions.Options;
using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data.Admin;
using Qapi.Server.Authentication;
using Qapi.Server.Configuration;

namespace Qapi.Server.Admin;

/// <summary>
/// <c>POST /signup</c>: anyone may create a personal account with an admin key, when sign-up is open (the
/// sandbox by default; production only with <c>Qapi:Admin:Signup=open</c>). The request is not signed: there
/// is no key yet.
/// </summary>
internal static class SignupEndpoints
{
    public static void MapSignupEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(AdminApi.SignupPath, SignUpAsync)
            .WithName("AdminSignup").WithTags("Admin API")
            .RequireRateLimiting(SignupRateLimit.PolicyName)
            .Accepts<SignupRequest>("application/json")
            .Produces<SignupResponse>(StatusCodes.Status201Created);

    private static async Task<IResult> SignUpAsync(
        HttpContext context, IOptions<QapiOptions> options, SignupService signups,
        CancellationToken cancellationToken)
    {
        var qapi = options.Value;
        var logger = AdminLog.For(context);
        if (!qapi.Admin.SignupOpen(qapi.IsSandbox))
        {
            AdminLog.SignupClosed(logger);
            throw QapiError.Forbidden("signup_closed",
                "Sign-up is closed on this server; ask its operator for an account.");
        }

        var body = await RequestBody.ReadAsync(context.Request, qapi.Auth.MaxBodyBytes, cancellationToken)
            ?? throw QapiError.Invalid("body_too_large", $"The body is over {qapi.Auth.MaxBodyBytes} bytes.");
        var request = AdminBody.Parse(body, QapiJsonContext.Default.SignupRequest);
        var result = await signups.SignUpAsync(request.Username, request.FirstName, request.LastName, request.Email,
            cancellationToken);

        AdminLog.SignedUp(logger, result.Account.Id, result.Key.Id);
        context.Response.Headers.CacheControl = "no-store";
        var permissions = ApiKeyPermissionNames.Format(result.Key.Permissions).Split(',');
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{result.Account.Id}", new SignupResponse(
            AdminViews.Profile(result.Account), result.Mnemonic,
            new SignupApiKey(result.Key.Id, result.Secret, permissions)));
    }
}
