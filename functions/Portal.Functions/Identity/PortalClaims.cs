using System.Security.Claims;
using Portal.Domain.Lifecycle;

namespace Portal.Functions.Identity;

/// <summary>
/// Maps a validated token from either provider to the claims the portal reads (<c>sub</c>, <c>name</c>,
/// <c>role</c>, <c>agency</c>, <c>officer_roles</c>), using the claim names each provider is configured with.
/// An officer token whose roles name no officer role gets no <c>role=officer</c>, so officer endpoints answer 403.
/// </summary>
public static class PortalClaims
{
    /// <summary>The entry scheme: forwards a bearer token to <see cref="CitizenScheme"/> or <see cref="OfficerScheme"/> by its issuer.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Scheme of citizens' tokens (VNeID).</summary>
    public const string CitizenScheme = "VNeID";

    /// <summary>Scheme of officers' tokens (Microsoft Entra ID).</summary>
    public const string OfficerScheme = "EntraID";

    /// <summary>Our claim: the person's stable id at the provider.</summary>
    public const string Subject = "sub";

    /// <summary>Our claim: display name.</summary>
    public const string Name = "name";

    /// <summary>Our claim: <c>citizen</c> or <c>officer</c>.</summary>
    public const string Role = "role";

    /// <summary>Our claim: an officer's agency code.</summary>
    public const string Agency = "agency";

    /// <summary>Our claim: a citizen's identity number (CCCD), when the provider sends it.</summary>
    public const string IdNumber = "cccd";

    /// <summary>The roles an officer may hold (never <see cref="OfficerRole.Citizen"/>).</summary>
    public static readonly IReadOnlyList<OfficerRole> OfficerRoles =
        Enum.GetValues<OfficerRole>().Where(r => r is not (OfficerRole.Citizen or OfficerRole.System)).ToList();

    /// <summary>A citizen principal from a validated VNeID token; null when it names no subject.</summary>
    public static ClaimsPrincipal? Citizen(ClaimsPrincipal token, IssuerOptions issuer)
    {
        var identity = Base(token, issuer, CitizenScheme);
        if (identity is null) return null;
        identity.AddClaim(new Claim(Role, "citizen"));
        if (issuer.IdNumberClaim is { Length: > 0 } idClaim && token.FindFirst(idClaim) is { } id) identity.AddClaim(new Claim(IdNumber, id.Value));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>An officer principal from a validated Entra ID token (only known officer roles, and the agency); null when it names no subject.</summary>
    public static ClaimsPrincipal? Officer(ClaimsPrincipal token, IssuerOptions issuer)
    {
        var identity = Base(token, issuer, OfficerScheme);
        if (identity is null) return null;
        var roles = token.FindAll(issuer.RolesClaim)
            .Select(c => Enum.TryParse<OfficerRole>(c.Value, ignoreCase: true, out var role) && OfficerRoles.Contains(role) ? role : (OfficerRole?)null)
            .OfType<OfficerRole>().Distinct().ToList();
        var agency = token.FindFirst(issuer.AgencyClaim)?.Value;
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimsPrincipalExtensions.OfficerRolesClaim, role.ToString()));
        if (!string.IsNullOrWhiteSpace(agency)) identity.AddClaim(new Claim(Agency, agency));
        if (roles.Count > 0 && !string.IsNullOrWhiteSpace(agency)) identity.AddClaim(new Claim(Role, "officer"));
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity? Base(ClaimsPrincipal token, IssuerOptions issuer, string scheme)
    {
        var subject = token.FindFirst(issuer.SubjectClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject)) return null;
        var identity = new ClaimsIdentity(scheme, Name, Role);
        identity.AddClaim(new Claim(Subject, subject));
        identity.AddClaim(new Claim(Name, token.FindFirst(issuer.NameClaim)?.Value ?? subject));
        return identity;
    }
}
