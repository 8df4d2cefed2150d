using Portal.Domain.Lifecycle;
using Portal.Functions.Documents;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Dossiers;

/// <summary>What the applicant does after submitting: supplement when asked, withdraw, download and verify the result.</summary>
public static class CitizenLifecycle
{
    /// <summary>Maps the citizen's lifecycle endpoints.</summary>
    public static void MapCitizenLifecycleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers/{code}").WithTags("Dossiers").WithMetadata(RouteValueRule.DossierCode);
        group.MapPost("/supplement", Supplement).RequireAuthorization(IdentityEndpoints.CitizenPolicy).DisableAntiforgery().WithName("SupplementDossier")
            .WithSummary("Bổ sung hồ sơ: multipart with files doc:<documentId> and an optional note; restarts the clock.");
        group.MapPost("/withdraw", Withdraw).RequireAuthorization(IdentityEndpoints.CitizenPolicy).WithName("WithdrawDossier");
        // The result, the notifications and the control slip name the applicant: the applicant's sign-in only.
        group.MapGet("/result", Result).RequireAuthorization(IdentityEndpoints.CitizenPolicy).WithName("DownloadResult");
        group.MapGet("/notifications", Notifications).RequireAuthorization(IdentityEndpoints.CitizenPolicy).WithName("DossierNotifications");
        group.MapGet("/control-slip", async (string code, HttpContext http, TrackDossier track, DossierStore dossiers, Deadlines deadlines, PersonRegistry people) =>
            Results.Json(await OrchestrationEndpoints.ControlSlipAsync(await track.FindOwnAsync(http, code), dossiers, deadlines, people, http.RequestAborted),
                InfrastructureExtensions.Json)).RequireAuthorization(IdentityEndpoints.CitizenPolicy).WithName("DossierControlSlip");
        app.MapGet("/api/verify/{code}", Verify).WithTags("Verification").WithName("VerifyResult")
            .WithSummary("Public check of a result: does this dossier have an issued result with this SHA-256?");
        app.MapGet("/api/verify/{code}/qr.svg", (HttpContext http, string code, string? sha256) =>
            TrackDossier.QrOf($"{http.Request.Scheme}://{http.Request.Host}/verify.html?code={Uri.EscapeDataString(code)}&sha256={Uri.EscapeDataString(sha256 ?? "")}"))
            .WithTags("Verification").WithName("VerifyQr");
    }

    private static DossierRecord EnsureOwner(HttpContext http, DossierRecord dossier) =>
        dossier.ApplicantSubject == http.User.Subject() ? dossier
            : throw ProblemException.Forbidden("Hồ sơ này không thuộc tài khoản của bạn.");

    private static async Task<IResult> Supplement(string code, HttpContext http, DossierStore dossiers, CatalogueModel catalogue, DossierLifecycle lifecycle,
        IDocumentStore documents, TrackDossier track)
    {
        var ct = http.RequestAborted;
        var dossier = await dossiers.FindAsync(code, ct) ?? throw ProblemException.NotFound($"Không có hồ sơ mã '{code}'.");
        EnsureOwner(http, dossier);
        // The state first: a supplement sent again after it was applied (a retry whose answer was lost) is told that
        // nothing is pending (409 with the current state), not that its files are already in the dossier.
        if (dossier.Status != Domain.Dossiers.DossierStatus.SupplementRequested)
        {
            throw new LifecycleConflict(dossier, "Hồ sơ hiện không có yêu cầu bổ sung nào đang chờ.");
        }
        if (!http.Request.HasFormContentType) throw ProblemException.Invalid("documents", "Gửi giấy tờ bổ sung dạng multipart/form-data.");
        var form = await http.Request.ReadFormAsync(ct);
        FreeText.Ensure("note", form["note"], Domain.Lifecycle.TextLimits.Note);
        var procedure = catalogue.Find(dossier.ProcedureCode)!;
        var errors = new Dictionary<string, List<string>>();
        var attachments = SubmitDossier.CheckAttachments(procedure, form.Files, errors, requireMandatory: false);
        if (attachments.Count == 0 && errors.Count == 0) errors["documents"] = ["Đính kèm ít nhất một giấy tờ được yêu cầu bổ sung."];
        ReportDuplicates(dossier, attachments, errors);
        if (errors.Count > 0) throw ProblemException.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        var stored = await SubmitDossier.StoreAttachmentsAsync(documents, code, attachments, ct);
        string? note = form["note"];
        var command = new ProvideSupplement
        {
            Actor = http.User.Subject(), Role = OfficerRole.Citizen, Reason = string.IsNullOrWhiteSpace(note) ? null : note,
            DocumentHashes = stored.Select(d => d.Sha256).ToList(),
        };
        var updated = await lifecycle.ExecuteAsync(code, command, d => EnsureOwner(http, d), ct,
            amend: d => d with { Documents = [.. d.Documents, .. stored.Where(n => d.Documents.All(o => o.Sha256 != n.Sha256))] });
        return Results.Json(await track.ViewAsync(updated, ct), InfrastructureExtensions.Json);
    }

    /// <summary>
    /// A supplement brings what was missing: a file identical (same SHA-256) to one already in the dossier is almost always the
    /// wrong file chosen, so the whole supplement is refused (nothing stored, the clock stays stopped) with, at the document's
    /// field, which file of the dossier it repeats; the citizen removes or replaces it and sends again.
    /// </summary>
    private static void ReportDuplicates(DossierRecord dossier, IReadOnlyList<SubmitDossier.Attachment> attachments, Dictionary<string, List<string>> errors)
    {
        foreach (var a in attachments)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Content));
            if (dossier.Documents.FirstOrDefault(d => string.Equals(d.Sha256, hash, StringComparison.OrdinalIgnoreCase)) is not { } existing) continue;
            var key = $"documents.{a.Document.Id}";
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add($"Tệp “{a.FileName}” giống hệt tệp “{existing.FileName}” đã có trong hồ sơ (thành phần “{existing.Name}”). " +
                "Hãy chọn đúng giấy tờ cần bổ sung hoặc bỏ tệp này.");
        }
    }

    private static async Task<IResult> Withdraw(string code, WithdrawRequest request, HttpContext http, DossierLifecycle lifecycle, TrackDossier track)
    {
        FreeText.Ensure("reason", request.Reason, Domain.Lifecycle.TextLimits.Reason);
        var command = new Withdraw { Actor = http.User.Subject(), Role = OfficerRole.Citizen, Reason = request.Reason };
        var updated = await lifecycle.ExecuteAsync(code, command, d => EnsureOwner(http, d), http.RequestAborted);
        return Results.Json(await track.ViewAsync(updated, http.RequestAborted), InfrastructureExtensions.Json);
    }

    private static async Task<IResult> Result(string code, HttpContext http, TrackDossier track, IDocumentStore documents)
    {
        var dossier = await track.FindOwnAsync(http, code);
        if (dossier.Lifecycle.ResultBlob is not { } blobName) throw ProblemException.NotFound("Hồ sơ chưa có kết quả.");
        return await StoredFiles.FileAsync(documents, blobName, "application/pdf", $"ket-qua-{code}.pdf", http.RequestAborted);
    }

    private static async Task<IResult> Notifications(string code, HttpContext http, TrackDossier track, NotificationLog log)
    {
        var dossier = await track.FindOwnAsync(http, code);
        var all = await log.ForDossierAsync(dossier.Code, http.RequestAborted);
        return Results.Json(all.Where(n => n.Audience == Audience.Applicant).ToList(), InfrastructureExtensions.Json);
    }

    private static async Task<IResult> Verify(string code, string? sha256, HttpContext http, DossierStore dossiers, CatalogueModel catalogue, IDocumentStore documents)
    {
        if (string.IsNullOrWhiteSpace(sha256) || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            throw ProblemException.Invalid("sha256", "Nhập mã SHA-256 (64 ký tự hex) in trên phiếu kết quả, hoặc quét mã QR.");
        }
        var dossier = Domain.Dossiers.DossierCode.TryParse(code, out _) ? await dossiers.FindAsync(code, http.RequestAborted) : null;
        var s = dossier?.Lifecycle;
        var valid = s?.ResultSha256 is { } issued && string.Equals(issued, sha256, StringComparison.OrdinalIgnoreCase);
        if (valid)
        {
            // Check the stored bytes still hash to the recorded value.
            valid = await documents.VerifyAsync(s!.ResultBlob!, s.ResultSha256!, http.RequestAborted);
        }
        return Results.Json(new VerificationResult(code, valid,
            valid ? catalogue.Find(dossier!.ProcedureCode)?.Name : null,
            valid ? catalogue.FindAgency(dossier!.AgencyCode)?.Name : null,
            valid ? s!.FinishedAt : null,
            valid ? "Kết quả hợp lệ: đúng văn bản do cơ quan ban hành." : "Không xác thực được: mã hồ sơ hoặc mã SHA-256 không khớp với kết quả đã ban hành."),
            InfrastructureExtensions.Json);
    }

    /// <summary>Withdrawal request.</summary>
    public sealed record WithdrawRequest(string? Reason);

    /// <summary>Answer of the public verification.</summary>
    public sealed record VerificationResult(string Code, bool Valid, string? ProcedureName, string? AgencyName, DateTimeOffset? IssuedAt, string Message);
}
