using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portal.Functions.Telemetry;

namespace Portal.Functions.Tests.Telemetry;

public class TelemetryExportTests
{
    private static WebApplication Build(Dictionary<string, string?> settings) =>
        PortalApp.Build(["--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings) { ["Auth:DevSignIn"] = "true" }));

    [Fact]
    public async Task WithAnOtlpEndpoint_TracesMetricsAndLogsAreExported()
    {
        var received = new ConcurrentQueue<string>();
        var receiverBuilder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        receiverBuilder.Logging.ClearProviders();
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/{signal}", (string signal) =>
        {
            received.Enqueue(signal);
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var app = Build(new()
        {
            [TelemetryExtensions.OtlpEndpointSetting] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var meter = app.Services.GetRequiredService<MeterProvider>();
        var logs = app.Services.GetRequiredService<LoggerProvider>();
        using (PortalTelemetry.Source.StartActivity("Export probe"))
        {
            PortalTelemetry.TrackingLookups.Add(1);
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.ExportProbe").LogWarning("Export probe");
        }
        Assert.True(tracer.ForceFlush(10_000) && meter.ForceFlush(10_000) && logs.ForceFlush(10_000));
        Assert.Contains("traces", received);
        Assert.Contains("metrics", received);
        Assert.Contains("logs", received);
        Assert.Contains(app.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
    }

    private static bool IsOpenTelemetry(ILoggerProvider provider) => provider.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal);

    [Fact]
    public async Task WithoutExporterSettings_NoLogExporterIsRegistered()
    {
        await using var app = Build([]);
        Assert.DoesNotContain(app.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
    }
}
