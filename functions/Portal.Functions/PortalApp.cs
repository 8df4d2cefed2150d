using Portal.Functions.Catalogue;
using Portal.Functions.Dossiers;
using Portal.Functions.Forms;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
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
        builder.Services.AddCatalogue().AddIdentity(builder.Configuration).AddForms().AddDossiers().AddLifecycle().AddTriggers(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
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
