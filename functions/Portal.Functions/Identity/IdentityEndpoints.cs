using Microsoft.AspNetCore.Authentication;
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

    /// <summary>Registers token validation, the development issuer and the seeded people.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddHttpClient();
        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton(_ => new PersonRegistry(DataFiles.PathOf("identity", "citizens.json"), DataFiles.PathOf("identity", "officers.json")));
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CitizenPolicy, p => p.RequireAuthenticatedUser().RequireClaim("role", "citizen"))
            .AddPolicy(OfficerPolicy, p => p.RequireAuthenticatedUser().RequireClaim("role", "officer").RequireClaim("agency"));
        return services;
    }

    /// <summary>Maps the identity endpoints.</summary>
    public static void MapIdentityEndpoints(this WebApplication app)
    {
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

    /// <summary>Issues a development token for a seeded citizen.</summary>
    public static Ok<TokenResponse> IssueDevToken(DevTokenRequest request, PersonRegistry people, DevTokenIssuer issuer, IOptions<AuthOptions> options)
    {
        if (string.IsNullOrWhiteSpace(request.Subject)) throw ProblemException.Invalid("subject", "Hãy chọn một người để đăng nhập.");
        string token;
        if (people.FindOfficer(request.Subject) is { } officer)
        {
            token = issuer.Issue(officer.Subject, officer.FullName, new Dictionary<string, object>
            {
                ["role"] = "officer",
                ["agency"] = officer.AgencyCode,
                [ClaimsPrincipalExtensions.OfficerRolesClaim] = officer.Roles.Select(r => r.ToString()).ToArray(),
            });
        }
        else
        {
            var citizen = people.FindCitizen(request.Subject)
                ?? throw ProblemException.Invalid("subject", $"Không có người dùng thử nghiệm '{request.Subject}'.");
            token = issuer.Issue(citizen.Subject, citizen.FullName, new Dictionary<string, object> { ["role"] = "citizen" });
        }
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)options.Value.DevTokenLifetime.TotalSeconds));
    }

    /// <summary>The signed-in citizen's known data, for pre-filling forms.</summary>
    public static Ok<CitizenProfile> Me(HttpContext context, PersonRegistry people)
    {
        var user = context.User;
        return TypedResults.Ok(people.FindCitizen(user.Subject())
            ?? new CitizenProfile(user.Subject(), user.DisplayName(), "", "", "", "", null, new PostalAddress("", "", "")));
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
