using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Functions.Dossiers;

/// <summary>Limits on anonymous look-ups (section <c>Tracking:RateLimit</c>): per client IP, a fixed window.</summary>
public sealed class TrackingRateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Tracking:RateLimit";

    /// <summary>Look-ups one client may make per window.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Guessing a dossier code and phone number by trial is slowed down: each client IP (the forwarded client address
/// behind the Functions host) gets <see cref="TrackingRateLimitOptions.PermitLimit"/> look-ups per window, then 429 problem+json.
/// </summary>
public static class TrackingRateLimit
{
    /// <summary>Rate-limiting policy of the anonymous look-up.</summary>
    public const string Policy = "tracking";

    /// <summary>Registers the policy.</summary>
    public static IServiceCollection AddTrackingRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrackingRateLimitOptions>(configuration.GetSection(TrackingRateLimitOptions.Section));
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<TrackingRateLimitOptions>>().Value;
                return new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 };
            }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)) http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429,
                        Title = "Tra cứu quá nhiều lần (too many requests)",
                        Detail = "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút, hoặc đăng nhập bằng VNeID để xem hồ sơ của mình.",
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                    },
                });
            };
        });
    }
}
