using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;

namespace Portal.Functions.Infrastructure;

/// <summary>Cross-cutting wiring: JSON, problem details, OpenAPI, storage, time, the custom-handler port.</summary>
public static class InfrastructureExtensions
{
    /// <summary>Largest request body accepted (a dossier with its attachments).</summary>
    public const long MaxRequestBytes = 60L * 1024 * 1024;

    /// <summary>JSON options shared by the API and the data files: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    private static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
    }

    /// <summary>Registers the infrastructure services.</summary>
    public static WebApplicationBuilder AddPortalInfrastructure(this WebApplicationBuilder builder)
    {
        // In Azure the Functions host tells the custom handler which port to listen on.
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        if (!string.IsNullOrEmpty(port)) builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);

        var services = builder.Services;
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentTransformer>());
        // Behind the Functions host (loopback, a known proxy by default) the client's address is in X-Forwarded-For.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor);
        services.AddSingleton(TimeProvider.System);
        services.AddPortalStorage(builder.Configuration);
        return builder;
    }

    /// <summary>Adds the middleware: forwarded client address, errors, static site, sign-in, rate limits, OpenAPI document and explorer.</summary>
    public static WebApplication UsePortalInfrastructure(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouteValueGuard();
        if (app.Environment.WebRootPath is { } root && Directory.Exists(root))
        {
            app.UseDefaultFiles();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Only the one document exists: any other name is a problem+json 404, not the generator's plain-text one.
        app.MapOpenApi("/openapi/{documentName}.json")
            .WithMetadata(new RouteValueRule("documentName", n => n == "v1", "Không có tài liệu API này; dùng /openapi/v1.json (no such document).", StatusCodes.Status404NotFound));
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-explorer";
            o.SwaggerEndpoint("/openapi/v1.json", "Cổng Dịch vụ công – API v1");
            o.EnablePersistAuthorization();
            o.DocumentTitle = "API explorer – Cổng Dịch vụ công";
        });
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).WithName("Health").WithTags("Health");
        return app;
    }
}
