using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Functions.Identity;

/// <summary>
/// The keys bearer tokens must be signed with: the configured issuer's JWKS (fetched and cached), or the
/// development issuer's key when no JWKS is configured.
/// </summary>
public sealed class SigningKeys(IOptions<AuthOptions> options, IServiceProvider services, IHttpClientFactory http, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey>? _cached;
    private DateTimeOffset _fetchedAt;

    /// <summary>Current keys.</summary>
    public async Task<IReadOnlyList<SecurityKey>> GetAsync(CancellationToken ct)
    {
        var jwks = options.Value.JwksUri;
        if (string.IsNullOrEmpty(jwks)) return [services.GetRequiredService<DevTokenIssuer>().SigningKey];
        if (_cached is not null && time.GetUtcNow() - _fetchedAt < TimeSpan.FromHours(1)) return _cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is null || time.GetUtcNow() - _fetchedAt >= TimeSpan.FromHours(1))
            {
                var json = await http.CreateClient(nameof(SigningKeys)).GetStringAsync(jwks, ct);
                _cached = new JsonWebKeySet(json).GetSigningKeys().ToList();
                _fetchedAt = time.GetUtcNow();
            }
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }
}
