using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Triggers;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Forms;

/// <summary>e-Form validation and drafts.</summary>
public static class FormEndpoints
{
    /// <summary>Largest draft accepted, in characters.</summary>
    public const int MaxDraftChars = 30_000;

    /// <summary>Registers the form services.</summary>
    public static IServiceCollection AddForms(this IServiceCollection services) => services
        .AddSingleton<FormValidator>()
        .AddSingleton<DraftStore>();

    /// <summary>Maps the form endpoints.</summary>
    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/forms/{procedureCode}/validate", Validate).WithTags("Forms").WithName("ValidateForm")
            .ProducesValidationProblem();
        var drafts = app.MapGroup("/api/drafts/{procedureCode}").WithTags("Drafts").RequireAuthorization(IdentityEndpoints.CitizenPolicy);
        drafts.MapGet("", GetDraft).WithName("GetDraft");
        drafts.MapPut("", SaveDraft).WithName("SaveDraft");
        drafts.MapDelete("", DeleteDraft).WithName("DeleteDraft");
    }

    /// <summary>Checks answers against the procedure's e-Form without submitting (used before "check your answers").</summary>
    public static Ok<FormValidity> Validate(string procedureCode, JsonElement answers, CatalogueModel catalogue, FormValidator validator)
    {
        var procedure = catalogue.Find(procedureCode) ?? throw ProblemException.NotFound($"Không có thủ tục mã '{procedureCode}'.");
        var errors = validator.Validate(procedure, answers);
        return errors.Count == 0 ? TypedResults.Ok(new FormValidity(true)) : throw ProblemException.Invalid(errors);
    }

    private static async Task<Ok<Draft>> GetDraft(string procedureCode, HttpContext http, DraftStore drafts) =>
        await drafts.FindAsync(http.User.Subject(), procedureCode, http.RequestAborted) is { } draft
            ? TypedResults.Ok(draft)
            : throw ProblemException.NotFound("Chưa có bản nháp cho thủ tục này.");

    private static async Task<Ok<Draft>> SaveDraft(string procedureCode, DraftRequest request, HttpContext http, DraftStore drafts,
        CatalogueModel catalogue, TimerStore timers, TimeProvider time)
    {
        if (catalogue.Find(procedureCode) is null) throw ProblemException.NotFound($"Không có thủ tục mã '{procedureCode}'.");
        if (request.Data.ValueKind != JsonValueKind.Object) throw ProblemException.Invalid("data", "Bản nháp phải là một đối tượng JSON.");
        if (request.Data.GetRawText().Length > MaxDraftChars) throw ProblemException.TooLarge("data", $"Bản nháp quá lớn (tối đa {MaxDraftChars:N0} ký tự).");
        var now = time.GetUtcNow();
        var subject = http.User.Subject();
        // Arm the expiry timer before the first save, so no draft ever exists without one.
        if (await drafts.FindAsync(subject, procedureCode, http.RequestAborted) is null)
        {
            await timers.ScheduleAsync(DraftExpiryHandler.For(subject, procedureCode, now), http.RequestAborted);
        }
        await drafts.SaveAsync(subject, procedureCode, request.Data, now, http.RequestAborted);
        return TypedResults.Ok(new Draft(request.Data, now));
    }

    private static async Task<NoContent> DeleteDraft(string procedureCode, HttpContext http, DraftStore drafts)
    {
        await drafts.DeleteAsync(http.User.Subject(), procedureCode, http.RequestAborted);
        return TypedResults.NoContent();
    }
}

/// <summary>A draft to save.</summary>
public sealed record DraftRequest(JsonElement Data);

/// <summary>Result of a successful validation.</summary>
public sealed record FormValidity(bool Valid);
