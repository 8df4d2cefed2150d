using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Functions.Identity;

/// <summary>
/// The development identity provider: signs RS256 JWTs for seeded people, standing in for VNeID (citizens)
/// and Entra ID (officers) on a developer's machine. Its key lives in memory or in a PEM file.
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

    /// <summary>The key tokens are signed with (and, with no JWKS configured, validated against).</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>Issues a token for a person with the given claims.</summary>
    public string Issue(string subject, string name, IReadOnlyDictionary<string, object> extraClaims)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(extraClaims) { ["name"] = name };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", subject)]),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
