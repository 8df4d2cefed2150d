using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Functions.Identity;

/// <summary>
/// Configures one JwtBearer scheme from its <see cref="IssuerOptions"/>: metadata and JWKS from the authority
/// (keys refreshed when a token names an unknown <c>kid</c>), or the development issuer's key in Development;
/// issuer, audience, RS256 and lifetime on the app's clock; claims mapped by <see cref="PortalClaims"/>;
/// challenges and refusals in problem+json.
/// </summary>
public static class BearerSchemes
{
    private static readonly JsonWebTokenHandler Reader = new();

    /// <summary>
    /// The scheme that must validate this request's token: the officers' when its (not yet validated) issuer is Entra ID's,
    /// otherwise the citizens'. A forged issuer only picks which provider's keys check the signature.
    /// </summary>
    public static string SchemeOf(HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return PortalClaims.CitizenScheme;
        var token = header["Bearer ".Length..].Trim();
        if (!Reader.CanReadToken(token)) return PortalClaims.CitizenScheme;
        var officers = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Officers;
        return string.Equals(Reader.ReadJsonWebToken(token).Issuer, officers.Issuer, StringComparison.Ordinal)
            ? PortalClaims.OfficerScheme : PortalClaims.CitizenScheme;
    }

    /// <summary>Applies <paramref name="issuer"/> to <paramref name="options"/>.</summary>
    public static void Configure(JwtBearerOptions options, IssuerOptions issuer, TimeSpan refreshInterval, IServiceProvider services,
        Func<ClaimsPrincipal, IssuerOptions, ClaimsPrincipal?> map)
    {
        var time = services.GetRequiredService<TimeProvider>();
        options.MapInboundClaims = false;
        options.RefreshOnIssuerKeyNotFound = true;
        options.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
        // At most one metadata/JWKS refresh per interval, however many tokens name an unknown key.
        options.RefreshInterval = refreshInterval;
        options.Audience = issuer.Audience;
        if (!string.IsNullOrWhiteSpace(issuer.Authority)) options.Authority = issuer.Authority;
        if (!string.IsNullOrWhiteSpace(issuer.MetadataAddress)) options.MetadataAddress = issuer.MetadataAddress;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = issuer.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            // The app's clock (tests move it), not the machine's.
            LifetimeValidator = (notBefore, expires, _, p) =>
                (notBefore is null || notBefore <= time.GetUtcNow().UtcDateTime + p.ClockSkew) &&
                expires is not null && expires > time.GetUtcNow().UtcDateTime - p.ClockSkew,
            NameClaimType = issuer.NameClaim,
        };
        // Options validation allows a development issuer only in Development with the development sign-in on.
        if (issuer.IsDevelopment) options.TokenValidationParameters.IssuerSigningKey = services.GetRequiredService<DevTokenIssuer>().SigningKey;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (map(context.Principal!, issuer) is { } principal) context.Principal = principal;
                else context.Fail("The token names no subject.");
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var detail = context.AuthenticateFailure switch
                {
                    null => "Vui lòng đăng nhập (VNeID cho công dân, tài khoản công vụ cho cán bộ) để tiếp tục.",
                    SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException =>
                        "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại (token expired).",
                    _ => "Mã đăng nhập không hợp lệ; vui lòng đăng nhập lại (invalid token).",
                };
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteAsync(context.HttpContext, 401, "Cần đăng nhập (sign-in required)", detail, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2");
            },
            OnForbidden = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return WriteAsync(context.HttpContext, 403, "Không có quyền (forbidden)",
                    "Tài khoản của bạn không có quyền thực hiện thao tác này (thiếu vai trò hoặc cơ quan phù hợp).",
                    "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");
            },
        };
    }

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail, string type) =>
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type },
        });
}
