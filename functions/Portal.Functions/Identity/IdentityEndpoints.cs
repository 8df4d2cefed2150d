using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Identity;

/// <summary>Sign-in (development issuer) and the signed-in citizen's profile.</summary>
public static class IdentityEndpoints
{
    /// <summary>Authorization policy for citizens.</summary>
    public const string CitizenPolicy = "citizen";

    /// <summary>Authorization policy for officers.</summary>
    public const string OfficerPolicy = "officer";

    /// <summary>
    /// Registers the two JwtBearer schemes (citizens: VNeID, officers: Entra ID), their policies, the fail-closed
    /// options check, the development issuer and the seeded people.
    /// </summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton(_ => new PersonRegistry(DataFiles.PathOf("identity", "citizens.json"), DataFiles.PathOf("identity", "officers.json")));
        // One entry scheme forwards each token to its issuer's JwtBearer scheme (read from the unvalidated 'iss'), so a
        // token is validated once, by the provider that issued it.
        services.AddAuthentication(PortalClaims.BearerScheme)
            .AddPolicyScheme(PortalClaims.BearerScheme, "VNeID or Microsoft Entra ID", o => o.ForwardDefaultSelector = BearerSchemes.SchemeOf)
            .AddJwtBearer(PortalClaims.CitizenScheme)
            .AddJwtBearer(PortalClaims.OfficerScheme);
        services.AddOptions<JwtBearerOptions>(PortalClaims.CitizenScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((o, auth, sp) => BearerSchemes.Configure(o, auth.Value.Citizens, auth.Value.MetadataRefreshInterval, sp, PortalClaims.Citizen));
        services.AddOptions<JwtBearerOptions>(PortalClaims.OfficerScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((o, auth, sp) => BearerSchemes.Configure(o, auth.Value.Officers, auth.Value.MetadataRefreshInterval, sp, PortalClaims.Officer));
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<ApiSecurityTransformer>().AddOperationTransformer<ApiSecurityTransformer>());
        // A valid token of the other kind is authenticated, then refused by the policy: 403, not 401.
        services.AddAuthorizationBuilder()
            .AddPolicy(CitizenPolicy, p => p.AddAuthenticationSchemes(PortalClaims.BearerScheme)
                .RequireAuthenticatedUser().RequireClaim(PortalClaims.Role, "citizen"))
            .AddPolicy(OfficerPolicy, p => p.AddAuthenticationSchemes(PortalClaims.BearerScheme)
                .RequireAuthenticatedUser().RequireClaim(PortalClaims.Role, "officer").RequireClaim(PortalClaims.Agency)
                .RequireClaim(ClaimsPrincipalExtensions.OfficerRolesClaim));
        return services;
    }

    /// <summary>
    /// Validates the sign-in settings now (<see cref="AuthOptionsValidator"/>), before hosted services or the server
    /// start; throws <see cref="OptionsValidationException"/> saying what to set.
    /// </summary>
    public static void EnsureIdentityConfigured(this IServiceProvider services) => _ = services.GetRequiredService<IOptions<AuthOptions>>().Value;

    /// <summary>Maps the identity endpoints.</summary>
    public static void MapIdentityEndpoints(this WebApplication app)
    {
        // Options validation guarantees DevSignIn is on only in Development.
        var dev = app.MapGroup("/api/auth/dev").WithTags("Development sign-in")
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.DevSignIn
                    ? await next(context)
                    : throw ProblemException.NotFound("Đăng nhập thử nghiệm không bật trên môi trường này; hãy đăng nhập bằng VNeID."));
        dev.MapGet("/citizens", (PersonRegistry people) =>
            TypedResults.Ok(people.Citizens.Select(c => new DevPerson(c.Subject, c.FullName)).ToList())).WithName("DevCitizens");
        dev.MapGet("/officers", (PersonRegistry people) =>
            TypedResults.Ok(people.Officers.Select(o => new DevOfficer(o.Subject, o.FullName, o.Title, o.AgencyCode, o.Roles)).ToList())).WithName("DevOfficers");
        dev.MapPost("/token", IssueDevToken).WithName("DevToken");
        app.MapGet("/api/me", Me).RequireAuthorization(CitizenPolicy).WithTags("Identity").WithName("Me");
    }

    /// <summary>Issues a development token for a seeded citizen (VNeID scheme) or officer (Entra ID scheme).</summary>
    public static Ok<TokenResponse> IssueDevToken(DevTokenRequest request, PersonRegistry people, DevTokenIssuer issuer, IOptions<AuthOptions> options)
    {
        if (string.IsNullOrWhiteSpace(request.Subject)) throw ProblemException.Invalid("subject", "Hãy chọn một người để đăng nhập.");
        var token = people.FindOfficer(request.Subject) is { } officer
            ? issuer.IssueOfficer(officer)
            : issuer.IssueCitizen(people.FindCitizen(request.Subject)
                ?? throw ProblemException.Invalid("subject", $"Không có người dùng thử nghiệm '{request.Subject}'."));
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)options.Value.DevTokenLifetime.TotalSeconds));
    }

    /// <summary>The signed-in citizen's known data, for pre-filling forms.</summary>
    public static Ok<CitizenProfile> Me(HttpContext context, PersonRegistry people)
    {
        var user = context.User;
        return TypedResults.Ok(people.FindCitizen(user.Subject())
            ?? new CitizenProfile(user.Subject(), user.DisplayName(), user.FindFirst(PortalClaims.IdNumber)?.Value ?? "", "", "", "", null,
                new PostalAddress("", "", "")));
    }
}

/// <summary>A seeded person offered by the development sign-in.</summary>
public sealed record DevPerson(string Subject, string FullName);

/// <summary>A seeded officer offered by the development sign-in.</summary>
public sealed record DevOfficer(string Subject, string FullName, string Title, string AgencyCode, IReadOnlyList<Portal.Domain.Lifecycle.OfficerRole> Roles);

/// <summary>Development sign-in request.</summary>
public sealed record DevTokenRequest(string? Subject);

/// <summary>An OAuth-style token response.</summary>
public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
