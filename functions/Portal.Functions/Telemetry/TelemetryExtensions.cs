using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Functions.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs: ASP.NET Core and HttpClient, the Azure SDKs (sources <c>Azure.*</c>) and our own
/// <see cref="PortalTelemetry"/>. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; nothing leaves the process otherwise. URL query strings are dropped
/// from spans (a query could carry personal data).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Setting that turns the OTLP exporter on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Setting that turns the Azure Monitor exporter on.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Registers OpenTelemetry.</summary>
    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        // The Azure SDKs publish their spans through ActivitySource only behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var azureMonitor = builder.Configuration[AzureMonitorSetting] is { Length: > 0 } connectionString ? connectionString : null;
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "portal-functions";

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(PortalTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(t =>
            {
                t.AddSource(PortalTelemetry.Name).AddSource("Azure.*")
                    .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null))
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { Query.Length: > 0 } uri) activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
                    });
                if (otlp) t.AddOtlpExporter();
                if (azureMonitor is not null) t.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(PortalTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) m.AddOtlpExporter();
                if (azureMonitor is not null) m.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
            });
        if (otlp || azureMonitor is not null)
        {
            telemetry.WithLogging(l =>
            {
                if (otlp) l.AddOtlpExporter();
                if (azureMonitor is not null) l.AddAzureMonitorLogExporter(o => o.ConnectionString = azureMonitor);
            }, o => o.IncludeScopes = false);
        }
        return builder;
    }
}
