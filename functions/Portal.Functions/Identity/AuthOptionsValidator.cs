using Microsoft.Extensions.Options;

namespace Portal.Functions.Identity;

/// <summary>
/// Fails closed at start-up: the development sign-in only in Development, and outside it both issuers configured.
/// Runs when the app is built (<see cref="PortalApp.Build"/> reads the options before anything starts), so a
/// misconfigured app stops with this message instead of starting hosted services or issuing development tokens.
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    /// <summary>How the development issuers' names start (they never belong with a real authority).</summary>
    public const string DevelopmentIssuerPrefix = "urn:portal:dev-";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.DevSignIn && !environment.IsDevelopment())
        {
            failures.Add($"Auth:DevSignIn is on but the environment is '{environment.EnvironmentName}': the development sign-in " +
                "issues tokens for anyone and runs only with ASPNETCORE_ENVIRONMENT=Development. Turn Auth__DevSignIn off and configure " +
                "Auth:Citizens (VNeID) and Auth:Officers (Entra ID).");
        }
        Check("Citizens", "VNeID", options.Citizens);
        Check("Officers", "Microsoft Entra ID", options.Officers);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string key, string provider, IssuerOptions issuer)
        {
            if (issuer.IsDevelopment && !(options.DevSignIn && environment.IsDevelopment()))
            {
                failures.Add($"Auth:{key}:Authority (or Auth:{key}:MetadataAddress) is empty: set it to the {provider} OpenID Connect authority. " +
                    "Without it only the development sign-in could issue tokens, and that runs only in Development with Auth:DevSignIn on.");
            }
            if (string.IsNullOrWhiteSpace(issuer.Issuer)) failures.Add($"Auth:{key}:Issuer is empty: set the {provider} issuer its tokens carry in 'iss'.");
            else if (!issuer.IsDevelopment && issuer.Issuer.StartsWith(DevelopmentIssuerPrefix, StringComparison.Ordinal))
            {
                failures.Add($"Auth:{key}:Issuer is still the development issuer '{issuer.Issuer}': set the {provider} issuer its tokens carry in 'iss'.");
            }
            if (string.IsNullOrWhiteSpace(issuer.Audience)) failures.Add($"Auth:{key}:Audience is empty: set the audience ('aud') of this API at {provider}.");
            if (!issuer.RequireHttpsMetadata && !environment.IsDevelopment() && !IsLoopback(issuer))
            {
                failures.Add($"Auth:{key}:RequireHttpsMetadata is off for a non-loopback authority: {provider} metadata must come over HTTPS.");
            }
        }
    }

    private static bool IsLoopback(IssuerOptions issuer) =>
        Uri.TryCreate(issuer.MetadataAddress ?? issuer.Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
