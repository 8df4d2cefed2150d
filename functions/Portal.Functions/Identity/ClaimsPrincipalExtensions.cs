using System.Security.Claims;

namespace Portal.Functions.Identity;

/// <summary>Reads who is calling from validated token claims.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The <c>sub</c> claim: the person's stable id at the identity provider.</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("A validated token always has a sub claim.");

    /// <summary>The display name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Subject();
}
