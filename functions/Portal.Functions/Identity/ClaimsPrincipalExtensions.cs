using System.Security.Claims;

namespace Portal.Functions.Identity;

/// <summary>An officer as the token says: who, which agency, which roles.</summary>
public sealed record OfficerIdentity(string Subject, string Name, string AgencyCode, IReadOnlyList<Portal.Domain.Lifecycle.OfficerRole> Roles);

/// <summary>Reads who is calling from the claims <see cref="PortalClaims"/> mapped.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>Claim listing an officer's roles (mapped from Entra ID app roles, only known officer roles).</summary>
    public const string OfficerRolesClaim = "officer_roles";

    /// <summary>The officer calling (policy <c>officer</c> guarantees the claims).</summary>
    public static OfficerIdentity Officer(this ClaimsPrincipal user) => new(user.Subject(), user.DisplayName(),
        user.FindFirstValue(PortalClaims.Agency) ?? throw new InvalidOperationException("Officer tokens carry an agency claim."),
        user.FindAll(OfficerRolesClaim).Select(c => Enum.Parse<Portal.Domain.Lifecycle.OfficerRole>(c.Value, ignoreCase: true)).ToList());

    /// <summary>The <c>sub</c> claim: the person's stable id at the identity provider.</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.Subject) ?? throw new InvalidOperationException("A validated token always has a sub claim.");

    /// <summary>The display name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Name) ?? user.Subject();
}
