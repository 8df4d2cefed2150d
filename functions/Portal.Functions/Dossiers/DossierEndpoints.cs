using Portal.Functions.Identity;

namespace Portal.Functions.Dossiers;

/// <summary>Submission and tracking of dossiers.</summary>
public static class DossierEndpoints
{
    /// <summary>Registers the dossier services.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services) => services
        .AddSingleton<Deadlines>()
        .AddSingleton<DossierStore>()
        .AddSingleton<Documents.IDocumentStore, Documents.DocumentStore>()
        .AddSingleton<DossierCodeAllocator>()
        .AddSingleton<SubmissionLedger>()
        .AddScoped<SubmitDossier>()
        .AddScoped<TrackDossier>();

    /// <summary>Maps the dossier endpoints.</summary>
    public static void MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers");
        group.MapPost("", (HttpContext http, SubmitDossier submit) => submit.HandleAsync(http))
            .RequireAuthorization(IdentityEndpoints.CitizenPolicy)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<SubmissionResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithName("SubmitDossier")
            .WithSummary("Nộp hồ sơ: multipart with procedureCode, form (JSON) and files named doc:<documentId>; header Idempotency-Key.");
        group.MapGet("", async (HttpContext http, TrackDossier track) => TypedResults.Ok(await track.MineAsync(http)))
            .RequireAuthorization(IdentityEndpoints.CitizenPolicy)
            .WithName("MyDossiers");
        group.MapGet("/{code}", async (HttpContext http, TrackDossier track, string code, string? phone) => TypedResults.Ok(await track.GetAsync(http, code, phone)))
            .WithName("GetDossier")
            .WithSummary("Tra cứu hồ sơ: the owner with a bearer token, or anyone with ?phone= of the applicant.");
        group.MapGet("/{code}/qr.svg", TrackDossier.Qr).WithName("DossierQr");
    }
}
