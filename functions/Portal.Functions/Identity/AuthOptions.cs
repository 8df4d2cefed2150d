namespace Portal.Functions.Identity;

/// <summary>
/// Bearer-token settings (section <c>Auth</c>). Citizens sign in with VNeID and officers with Entra ID in Azure;
/// both are OpenID Connect issuers, so replacing the development issuer is configuration only:
/// set <see cref="Issuer"/>, <see cref="Audience"/> and <see cref="JwksUri"/>, and turn <see cref="DevSignIn"/> off.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Auth";
    /// <summary>Expected <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "urn:portal:dev-issuer";
    /// <summary>Expected <c>aud</c> claim.</summary>
    public string Audience { get; set; } = "urn:portal:api";
    /// <summary>The issuer's JSON Web Key Set; when empty, the development issuer's own key is trusted.</summary>
    public string? JwksUri { get; set; }
    /// <summary>Whether the development sign-in (pick a seeded person) is offered. Never on in Azure.</summary>
    public bool DevSignIn { get; set; }
    /// <summary>Where the development issuer keeps its RSA key so tokens survive restarts; empty = in memory.</summary>
    public string? DevSigningKeyFile { get; set; }
    /// <summary>Lifetime of development tokens.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
