namespace Portal.Functions.Identity;

/// <summary>
/// Sign-in settings (section <c>Auth</c>). Two bearer schemes: citizens (VNeID) and officers (Microsoft Entra ID),
/// each an OpenID Connect issuer found through its metadata (<see cref="IssuerOptions.Authority"/> or
/// <see cref="IssuerOptions.MetadataAddress"/>). Locally, in Development only, the development issuer
/// (<see cref="DevSignIn"/>) signs tokens for both schemes.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>Citizens' issuer (VNeID).</summary>
    public IssuerOptions Citizens { get; set; } = new() { Issuer = "urn:portal:dev-vneid", Audience = "urn:portal:api" };

    /// <summary>Officers' issuer (Microsoft Entra ID).</summary>
    public IssuerOptions Officers { get; set; } = new() { Issuer = "urn:portal:dev-entra", Audience = "urn:portal:api", RolesClaim = "roles", AgencyClaim = "agency" };

    /// <summary>Whether the development sign-in (pick a seeded person) is offered. Refused at start-up outside Development.</summary>
    public bool DevSignIn { get; set; }

    /// <summary>Where the development issuer keeps its RSA key so tokens survive restarts; empty = in memory.</summary>
    public string? DevSigningKeyFile { get; set; }

    /// <summary>
    /// Least time between two fetches of an issuer's metadata and JWKS when tokens name an unknown key (JwtBearer's
    /// <c>RefreshInterval</c>); the first such fetch happens at once.
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of development tokens.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>One identity provider: where its metadata is, what its tokens must say, which claims carry what.</summary>
public sealed class IssuerOptions
{
    /// <summary>The OpenID Connect authority (its metadata is at <c>{Authority}/.well-known/openid-configuration</c>). Empty = development issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>The metadata document's address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Whether metadata must come over HTTPS (only a test's loopback provider turns this off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Expected <c>iss</c> claim (e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Expected <c>aud</c> claim (the API's application ID URI or client id).</summary>
    public string Audience { get; set; } = "";

    /// <summary>Claim holding the person's stable identifier.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>Claim holding the display name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Citizens: claim holding the citizen identity number (CCCD), if the provider sends one.</summary>
    public string? IdNumberClaim { get; set; }

    /// <summary>Officers: claim listing app roles (Entra ID: <c>roles</c>); values are our officer role names.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Officers: claim holding the agency code (an optional claim or directory extension attribute).</summary>
    public string AgencyClaim { get; set; } = "agency";

    /// <summary>Whether this issuer is the development issuer (no authority or metadata configured).</summary>
    public bool IsDevelopment => string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(MetadataAddress);
}
