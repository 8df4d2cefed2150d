using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Testing;

/// <summary>
/// A stand-in for VNeID and Entra ID on loopback Kestrel: per tenant, an OpenID Connect metadata document
/// (<c>/{tenant}/.well-known/openid-configuration</c>) and a JWKS (<c>/{tenant}/jwks</c>), and RS256 tokens
/// signed with the tenant's current key, which a test can rotate.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _keys = new();
    private WebApplication? _app;

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many times each tenant's JWKS was fetched.</summary>
    public ConcurrentDictionary<string, int> JwksFetches { get; } = new();

    /// <summary>Starts serving.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/{tenant}/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority(tenant),
            ["jwks_uri"] = $"{Authority(tenant)}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        _app.MapGet("/{tenant}/jwks", (string tenant) =>
        {
            JwksFetches.AddOrUpdate(tenant, 1, (_, n) => n + 1);
            var key = KeyOf(tenant);
            var p = key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    },
                },
            });
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>The authority (and issuer) of a tenant, e.g. http://127.0.0.1:41234/entra.</summary>
    public string Authority(string tenant) => new Uri(BaseAddress, tenant).ToString();

    /// <summary>Replaces a tenant's signing key: its JWKS lists only the new one from now on.</summary>
    public void RotateKey(string tenant) => _keys[tenant] = NewKey();

    /// <summary>A token of a tenant, signed with its current key (or <paramref name="signingKey"/>).</summary>
    public string Issue(string tenant, string audience, IDictionary<string, object> claims, TimeSpan? lifetime = null, DateTime? now = null,
        SecurityKey? signingKey = null)
    {
        var at = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority(tenant),
            Audience = audience,
            Claims = claims,
            IssuedAt = at,
            NotBefore = at.AddMinutes(-5),
            Expires = at + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(signingKey ?? KeyOf(tenant), SecurityAlgorithms.RsaSha256),
        });
    }

    private RsaSecurityKey KeyOf(string tenant) => _keys.GetOrAdd(tenant, _ => NewKey());

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..16] };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
