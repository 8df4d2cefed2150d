using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Functions.Identity;

/// <summary>
/// The development identity provider (Development only): signs RS256 JWTs for seeded people, standing in for
/// VNeID (citizens) and Entra ID (officers) with each scheme's issuer, audience and claim names, so the same
/// JwtBearer validation and claim mapping run locally. Its key lives in memory or in a PEM file and is handed
/// to both schemes' validation parameters.
/// </summary>
public sealed class DevTokenIssuer
{
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the issuer, loading or creating its key.</summary>
    public DevTokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var rsa = RSA.Create(2048);
        var file = _options.DevSigningKeyFile;
        if (!string.IsNullOrEmpty(file) && File.Exists(file)) rsa.ImportFromPem(File.ReadAllText(file));
        else if (!string.IsNullOrEmpty(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(file, rsa.ExportRSAPrivateKeyPem());
        }
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "dev-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    /// <summary>The key tokens are signed with (and development schemes validate against).</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>A citizen token as VNeID would send it.</summary>
    public string IssueCitizen(CitizenProfile citizen)
    {
        var issuer = _options.Citizens;
        var claims = new Dictionary<string, object> { [issuer.SubjectClaim] = citizen.Subject, [issuer.NameClaim] = citizen.FullName };
        if (issuer.IdNumberClaim is { Length: > 0 } idClaim) claims[idClaim] = citizen.Cccd;
        return Issue(issuer, claims);
    }

    /// <summary>An officer token as Entra ID would send it: app roles and the agency attribute.</summary>
    public string IssueOfficer(OfficerProfile officer)
    {
        var issuer = _options.Officers;
        return Issue(issuer, new Dictionary<string, object>
        {
            [issuer.SubjectClaim] = officer.Subject,
            [issuer.NameClaim] = officer.FullName,
            [issuer.RolesClaim] = officer.Roles.Select(r => r.ToString()).ToArray(),
            [issuer.AgencyClaim] = officer.AgencyCode,
        });
    }

    private string Issue(IssuerOptions issuer, Dictionary<string, object> claims)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = issuer.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
