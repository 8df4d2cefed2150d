using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Functions.Identity;

/// <summary>
/// Validates <c>Authorization: Bearer</c> JWTs with Microsoft.IdentityModel.JsonWebTokens (the JwtBearer handler
/// cannot restore here): issuer, audience, lifetime and RS256 signature against <see cref="SigningKeys"/>.
/// Challenges and refusals answer in problem+json, saying what to do.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    SigningKeys keys,
    TimeProvider time,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var result = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = auth.Value.Issuer,
            ValidAudience = auth.Value.Audience,
            IssuerSigningKeys = await keys.GetAsync(Context.RequestAborted),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, p) =>
                (notBefore is null || notBefore <= time.GetUtcNow().UtcDateTime + p.ClockSkew) &&
                expires is not null && expires > time.GetUtcNow().UtcDateTime - p.ClockSkew,
            NameClaimType = "name",
            RoleClaimType = "role",
        });
        if (!result.IsValid)
        {
            var reason = result.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
                ? "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại (token expired)."
                : "Mã đăng nhập không hợp lệ; vui lòng đăng nhập lại (invalid token).";
            return AuthenticateResult.Fail(reason);
        }
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = 401,
                Title = "Cần đăng nhập (sign-in required)",
                Detail = failure ?? "Vui lòng đăng nhập bằng tài khoản định danh điện tử (VNeID) để tiếp tục.",
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
            },
        });
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = 403,
                Title = "Không có quyền (forbidden)",
                Detail = "Tài khoản của bạn không có quyền thực hiện thao tác này.",
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
            },
        });
    }
}
