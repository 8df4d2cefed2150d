using Portal.Functions.Identity;

namespace Portal.Functions.Dossiers;

/// <summary>Submission and tracking of dossiers.</summary>
public static class DossierEndpoints
{
    /// <summary>Registers the dossier services.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration) => services
        .AddTrackingRateLimit(configuration)
        .AddSingleton<Deadlines>()
        .AddSingleton<DossierStore>()
        .AddSingleton<Documents.IDocumentStore, Documents.DocumentStore>()
        .AddSingleton<DossierCodeAllocator>()
        .AddSingleton<SubmissionLedger>()
        .AddSingleton<CitizenDossierList>()
        .AddScoped<SubmitDossier>()
        .AddScoped<TrackDossier>();

    /// <summary>Maps the dossier endpoints.</summary>
    public static void MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers").WithMetadata(Infrastructure.RouteValueRule.DossierCode);
        group.MapPost("", (HttpContext http, SubmitDossier submit) => submit.HandleAsync(http))
            .RequireAuthorization(IdentityEndpoints.CitizenPolicy)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<SubmissionResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithName("SubmitDossier")
            .WithSummary("Nộp hồ sơ: multipart with procedureCode, form (JSON) and files named doc:<documentId>; header Idempotency-Key.");
        group.MapGet("", async (HttpContext http, TrackDossier track, string? status, string? procedure, string? pageSize, string? next) =>
                TypedResults.Ok(await track.MineAsync(http, status, procedure, pageSize, next)))
            .WithSummary("Hồ sơ của tôi: one page, newest first (pageSize 1-100, default 25; next = the cursor of the previous page).")
            .RequireAuthorization(IdentityEndpoints.CitizenPolicy)
            .WithName("MyDossiers");
        group.MapGet("/{code}", async (HttpContext http, TrackDossier track, string code) => TypedResults.Ok(await track.GetAsync(http, code)))
            .RequireAuthorization(IdentityEndpoints.CitizenPolicy)
            .WithName("GetDossier")
            .WithSummary("Hồ sơ của tôi: the applicant's full view (answers, attachments, result), with the applicant's sign-in.");
        group.MapPost("/track", async (TrackRequest request, TrackDossier track, HttpContext http) =>
                TypedResults.Ok(await track.TrackAsync(request, http.RequestAborted)))
            .AllowAnonymous()
            .RequireRateLimiting(TrackingRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem()
            .WithName("TrackDossier")
            .WithSummary("Tra cứu hồ sơ: anyone with the dossier code and the applicant's phone number (in the body) sees status, dates and timeline only.");
        group.MapGet("/{code}/qr.svg", TrackDossier.Qr).WithName("DossierQr");
    }
}
