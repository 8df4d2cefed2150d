using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Functions;
using Xunit;

namespace Portal.Testing;

/// <summary>
/// The real app on Kestrel (loopback, a free port) over a real Azurite that this fixture starts, with a clock
/// the tests move. One per test collection.
/// </summary>
public sealed class PortalAppFixture : IAsyncLifetime
{
    /// <summary>Monday 23 November 2026, 09:00 in Vietnam: a working day, inside office hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private WebApplication? _app;

    /// <summary>The storage emulator (not yet started): on disk by default, or one kept in memory for benchmarks.</summary>
    public AzuriteFixture Azurite { get; init; } = new();

    /// <summary>The app's clock.</summary>
    public ManualTimeProvider Clock { get; } = new(Start);

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, for checking what was stored.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>Extra services (e.g. storage client options with a test policy), registered after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
    /// <summary>The host environment: Development, the only one where the development sign-in may run.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>More set-up of the app (a fixture that signs in with its own issuer, or captures logs).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    /// <summary>Extra configuration for a derived fixture.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Auth:DevSignIn"] = "true",
        // Every test looks up from 127.0.0.1; the rate-limit test sets its own fixture's limit.
        ["Tracking:RateLimit:PermitLimit"] = "100000",
        ["Triggers:LocalHost"] = "true",
        ["Triggers:SweepInterval"] = "00:01:00",
    };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Settings["Storage:ConnectionString"] = Azurite.ConnectionString;
        _app = PortalApp.Build(["--urls", "http://127.0.0.1:0", "--environment", Environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // Refuse table keys Azure would refuse (Azurite accepts them).
            builder.Services.AddSingleton(_ =>
            {
                var options = new Azure.Data.Tables.TableClientOptions();
                options.AddPolicy(new AzureTableKeyRules(), Azure.Core.HttpPipelinePosition.PerCall);
                return options;
            });
            ConfigureServices?.Invoke(builder.Services);
            Configure?.Invoke(builder);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Azurite.DisposeAsync();
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>A development token for a seeded citizen.</summary>
    public async Task<string> TokenAsync(string subject = Citizens.Lan)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("api/auth/dev/token", new { subject });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        return token!.access_token;
    }

    /// <summary>A client signed in as a seeded citizen.</summary>
    public async Task<HttpClient> SignedInAsync(string subject = Citizens.Lan)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(subject));
        return client;
    }

    /// <summary>A citizen submits a valid birth registration through the API; returns its dossier code.</summary>
    public async Task<string> SubmitBirthRegistrationAsync(string subject = Citizens.Lan)
    {
        using var client = await SignedInAsync(subject);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dossiers") { Content = SampleDossiers.BirthRegistrationSubmission() };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await client.SendAsync(request);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Submission answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<SubmittedBody>())!.code;
    }

    /// <summary>
    /// Runs one timer sweep now, as the local trigger host does on its schedule (and the Functions host through the timer
    /// function in Azure; that endpoint is not mapped outside the host). Returns how many timers fired.
    /// </summary>
    public async Task<int> RunTimerSweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Portal.Functions.Triggers.TimerSweep>().RunAsync(default)).Fired;
    }

    /// <summary>Moves the clock to 09:00 of the next working day (tests share the clock and move it).</summary>
    public void MoveToNextWorkingMorning()
    {
        var calendar = Services.GetRequiredService<Portal.Functions.Dossiers.Deadlines>().Calendar;
        var today = DateOnly.FromDateTime(Portal.Domain.Calendar.VietnamTime.ToLocal(Clock.GetUtcNow()));
        Clock.SetUtcNow(Portal.Domain.Calendar.VietnamTime.FromLocal(calendar.NextWorkingDay(today).ToDateTime(new TimeOnly(9, 0))));
    }

    // Named as the wire format names it.
#pragma warning disable IDE1006
    private sealed record TokenBody(string access_token);

    private sealed record SubmittedBody(string code);
#pragma warning restore IDE1006
}

/// <summary>The seeded officers of Data/identity/officers.json.</summary>
public static class Officers
{
    /// <summary>Võ Thị Mai, desk, UBND Phường Tân An (000.00.72.H53).</summary>
    public const string Desk = "entra-dev-0101";
    /// <summary>Huỳnh Văn Phúc, specialist.</summary>
    public const string Specialist = "entra-dev-0102";
    /// <summary>Đặng Thị Thu, head of department.</summary>
    public const string Head = "entra-dev-0103";
    /// <summary>Nguyễn Văn Hùng, leader.</summary>
    public const string Leader = "entra-dev-0104";
    /// <summary>Lý Minh Quân, admin.</summary>
    public const string Admin = "entra-dev-0105";
    /// <summary>Trương Thị Bích, desk and specialist of another agency (UBND Phường Long An).</summary>
    public const string OtherAgency = "entra-dev-0201";
}

/// <summary>The seeded citizens of Data/identity/citizens.json.</summary>
public static class Citizens
{
    /// <summary>Nguyễn Thị Lan, phone 0912345678, Phường Tân An.</summary>
    public const string Lan = "vneid-dev-0001";
    /// <summary>Trần Văn Minh, phone 0987654321.</summary>
    public const string Minh = "vneid-dev-0002";
}
