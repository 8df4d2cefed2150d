using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Portal.Testing;

namespace Portal.Functions.Tests.Identity;

/// <summary>
/// The app run once as in Azure: environment Production, development sign-in off, both schemes pointed at a
/// loopback <see cref="TestIdentityProvider"/> (OIDC metadata + JWKS), tokens signed by the test. Every log entry
/// (Trace and up) and every activity is captured, for the personal-data checks.
/// </summary>
public sealed class ExternalIssuerFixture : IAsyncLifetime
{
    /// <summary>Tenant standing for VNeID.</summary>
    public const string VneId = "vneid";
    /// <summary>Tenant standing for Entra ID.</summary>
    public const string Entra = "entra";
    /// <summary>Audience of citizens' tokens.</summary>
    public const string CitizenAudience = "api://portal-citizens";
    /// <summary>Audience of officers' tokens.</summary>
    public const string OfficerAudience = "api://portal-officers";
    /// <summary>Claim carrying the CCCD in this VNeID's tokens.</summary>
    public const string IdNumberClaim = "citizen_id";
    /// <summary>Claim carrying the agency in this Entra ID's tokens (a directory extension attribute).</summary>
    public const string AgencyClaim = "extension_agencyCode";
    /// <summary>Anonymous look-ups one client may make per window here.</summary>
    public const int TrackingPermits = 3;

    private readonly ActivityListener _listener;

    /// <summary>Creates the fixture and starts listening to every activity source.</summary>
    public ExternalIssuerFixture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The identity provider.</summary>
    public TestIdentityProvider Provider { get; } = new();

    /// <summary>Every log entry of the app.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Every activity stopped in this process while the fixture lived.</summary>
    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>The app.</summary>
    public PortalAppFixture App { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        App = new PortalAppFixture
        {
            Environment = "Production",
            Configure = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(Logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
            },
        };
        App.Settings["Auth:DevSignIn"] = "false";
        App.Settings["Auth:Citizens:Authority"] = Provider.Authority(VneId);
        App.Settings["Auth:Citizens:Issuer"] = Provider.Authority(VneId);
        App.Settings["Auth:Citizens:Audience"] = CitizenAudience;
        App.Settings["Auth:Citizens:RequireHttpsMetadata"] = "false";
        App.Settings["Auth:Citizens:IdNumberClaim"] = IdNumberClaim;
        App.Settings["Auth:Officers:Authority"] = Provider.Authority(Entra);
        App.Settings["Auth:Officers:Issuer"] = Provider.Authority(Entra);
        App.Settings["Auth:Officers:Audience"] = OfficerAudience;
        App.Settings["Auth:Officers:RequireHttpsMetadata"] = "false";
        App.Settings["Auth:Officers:AgencyClaim"] = AgencyClaim;
        // Tests send tokens with unknown keys on purpose; let each rotation be picked up within a second.
        App.Settings["Auth:MetadataRefreshInterval"] = "00:00:01";
        App.Settings["Tracking:RateLimit:PermitLimit"] = TrackingPermits.ToString();
        App.Settings["Tracking:RateLimit:Window"] = "01:00:00";
        await App.InitializeAsync();
    }

    /// <summary>A VNeID token for a citizen (name and CCCD as VNeID sends them).</summary>
    public string CitizenToken(string subject, string name, string cccd) =>
        Provider.Issue(VneId, CitizenAudience, new Dictionary<string, object> { ["sub"] = subject, ["name"] = name, [IdNumberClaim] = cccd },
            now: App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>An Entra ID token for an officer with the given app roles and agency (either may be absent).</summary>
    public string OfficerToken(string subject, string[]? roles, string? agency = "000.00.72.H53")
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Cán bộ " + subject };
        if (roles is not null) claims["roles"] = roles;
        if (agency is not null) claims[AgencyClaim] = agency;
        return Provider.Issue(Entra, OfficerAudience, claims, now: App.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>A client carrying a bearer token.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = App.Client();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>Tests of the app signed in through an external issuer.</summary>
[CollectionDefinition(Name)]
public sealed class ExternalIssuerCollection : ICollectionFixture<ExternalIssuerFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "ExternalIssuer";
}
