using Portal.Functions.Catalogue;
using Portal.Functions.Dossiers;
using Portal.Functions.Forms;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Portal.Functions.Telemetry;
using Portal.Functions.Triggers;

namespace Portal.Functions;

/// <summary>Builds the web application: services from one extension per feature, then endpoints.</summary>
public static class PortalApp
{
    /// <summary>Builds the app. <paramref name="configure"/> lets tests replace configuration or services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Locate(args) });
        builder.AddPortalInfrastructure();
        builder.Services.AddCatalogue().AddIdentity(builder.Configuration).AddForms().AddDossiers(builder.Configuration).AddLifecycle().AddTriggers(builder.Configuration);
        configure?.Invoke(builder);
        // After the tests' configuration, which may point the exporters somewhere.
        builder.AddPortalTelemetry();

        var app = builder.Build();
        // Fail closed before anything starts: a development sign-in outside Development or a missing issuer stops here.
        app.Services.EnsureIdentityConfigured();
        app.UsePortalInfrastructure();
        app.MapCatalogueEndpoints();
        app.MapIdentityEndpoints();
        app.MapFormEndpoints();
        app.MapDossierEndpoints();
        app.MapCitizenLifecycleEndpoints();
        app.MapOrchestrationEndpoints();
        app.MapTriggerEndpoints();
        return app;
    }
}
