using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Qapi.Server.Configuration;
using Qapi.Server.Errors;

namespace Qapi.Server.Admin;

/// <summary>
/// Limits sign-ups per client address (<see cref="AdminSettings.SignupsPerMinute"/>); a refused one is
/// <c>429 too_many_signups</c>. Behind a trusted proxy, the address is the forwarded one.
/// </summary>
internal static class SignupRateLimit
{
    public const string PolicyName = "signup";

    public static IServiceCollection AddSignupRateLimit(this IServiceCollection services, AdminSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context => settings.SignupsPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.SignupsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            options.OnRejected = (context, _) =>
            {
                // The window is fixed: the lease says how long until it turns (RFC 9110 Retry-After, in seconds).
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter =
                    wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(ApiErrorWriter.WriteAsync(context.HttpContext,
                    StatusCodes.Status429TooManyRequests, "too_many_signups",
                    $"Too many sign-ups from this address; try again in {wait} s."));
            };
        });
}
