using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;
using Portal.Functions.Catalogue;
using Portal.Functions.Documents;
using Portal.Functions.Lifecycle;
using Portal.Functions.Triggers;
using Portal.Functions.Forms;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;
using Portal.Functions.Telemetry;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Nộp hồ sơ trực tuyến: a signed-in citizen submits a procedure's e-Form with its attachments.
/// Everything is checked before anything is written; then, in an order that a crash at any instant cannot
/// corrupt: reserve a code under the idempotency key, store the attachments (content-addressed, harmless if
/// orphaned), commit the dossier and its first history event atomically.
/// </summary>
public sealed partial class SubmitDossier(
    CatalogueModel catalogue,
    FormValidator forms,
    Deadlines deadlines,
    DossierCodeAllocator codes,
    SubmissionLedger ledger,
    DossierStore dossiers,
    IDocumentStore documents,
    TimerStore timers,
    OutboxRelay relay,
    DraftStore drafts,
    TimeProvider time)
{
    /// <summary>Most files accepted for one required document.</summary>
    public const int MaxFilesPerDocument = 10;

    /// <summary>Largest e-Form answer accepted, in characters (fits one table property).</summary>
    public const int MaxFormChars = 30_000;

    /// <summary>Handles the request.</summary>
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        using var activity = PortalTelemetry.Source.StartActivity("Submit dossier");
        var ct = http.RequestAborted;
        var subject = http.User.Subject();
        var key = IdempotencyKey(http.Request);
        if (!http.Request.HasFormContentType)
        {
            throw new ProblemException(415, "Sai định dạng gửi (unsupported media type)",
                "Hãy gửi hồ sơ dạng multipart/form-data gồm procedureCode, form và các tệp đính kèm.");
        }
        var request = await http.Request.ReadFormAsync(ct);

        var (procedure, form, attachments) = Validate(request);
        var requestHash = Hash(procedure.Code, form.GetRawText(), attachments);

        var existing = await ledger.FindAsync(subject, key, ct);
        if (existing is not null && existing.RequestHash != requestHash)
        {
            throw ProblemException.Conflict("Mã Idempotency-Key này đã được dùng cho một lần nộp khác; hãy tạo mã mới cho hồ sơ mới.");
        }
        if (existing is not null && await dossiers.FindAsync(existing.DossierCode, ct) is { } done) return Created(http, done);

        var now = time.GetUtcNow();
        var agency = ReceivingAgency(procedure, form);
        var entry = existing ?? await ledger.RecordAsync(subject, key,
            new SubmissionEntry(await codes.NextAsync(agency, Deadlines.LocalDate(now), ct), requestHash), ct);
        if (entry.RequestHash != requestHash) throw ProblemException.Conflict("Mã Idempotency-Key này đã được dùng cho một lần nộp khác.");

        var stored = await StoreAttachmentsAsync(documents, entry.DossierCode, attachments, ct);
        var applicant = form.GetProperty("applicant");
        var submitted = DossierDecider.Submit(now, subject, ProcessingTimes.Of(procedure.ProcessingTime), deadlines.Calendar);
        var record = new DossierRecord
        {
            Code = entry.DossierCode,
            ProcedureCode = procedure.Code,
            AgencyCode = DossierCode.Parse(entry.DossierCode).AgencyCode,
            ApplicantSubject = subject,
            ApplicantName = applicant.GetProperty("fullName").GetString()!,
            ApplicantPhone = PhoneNumber.Normalize(applicant.GetProperty("phone").GetString())!,
            FormJson = form.GetRawText(),
            Documents = stored,
            Lifecycle = DossierDecider.Evolve(null, submitted),
        };
        var history = new DossierEvent(1, submitted,
            $"Công dân nộp hồ sơ trực tuyến ({stored.Count} tệp đính kèm); ngày hẹn dự kiến {VietnamTime.ToLocal(submitted.ProvisionalAppointmentAt):HH:mm dd/MM/yyyy}.");
        var notice = new OutboxMessage(1, 0, record.Code, Audience.Officers, nameof(Submitted), $"Hồ sơ mới {record.Code}: {procedure.Name}.");
        await timers.ScheduleAsync(relay.Guard(record.Code, 1, now), ct);
        try
        {
            await dossiers.CommitNewAsync(record, [history], [notice], ct);
        }
        catch (WriteConflictException e) when (e.Kind == WriteConflictKind.AlreadyExists)
        {
            // A concurrent retry with the same key committed it first: answer as that one did.
        }
        await drafts.DeleteAsync(subject, procedure.Code, ct);
        await relay.TryRelayAsync(record.Code, ct);
        activity?.SetTag("portal.procedure", procedure.Code);
        activity?.SetTag("portal.dossier.code", record.Code);
        PortalTelemetry.DossiersSubmitted.Add(1, new KeyValuePair<string, object?>("portal.procedure", procedure.Code));
        return Created(http, (await dossiers.FindAsync(entry.DossierCode, ct))!);
    }

    private static IResult Created(HttpContext http, DossierRecord d) => Results.Created($"/api/dossiers/{d.Code}", new SubmissionResult(
        d.Code, d.ProcedureCode, d.Status, DossierStatuses.Of(d.Status).Vietnamese, d.SubmittedAt, d.AppointmentAt,
        new SubmissionLinks($"/api/dossiers/{d.Code}", $"/acknowledgement.html?code={Uri.EscapeDataString(d.Code)}", $"/api/dossiers/{d.Code}/qr.svg"),
        AppointmentWording.For(d.Lifecycle)));

    private static string IdempotencyKey(HttpRequest request)
    {
        string? key = request.Headers["Idempotency-Key"];
        if (string.IsNullOrWhiteSpace(key) || !KeyPattern().IsMatch(key))
        {
            throw ProblemException.Invalid("Idempotency-Key",
                "Thiếu hoặc sai tiêu đề Idempotency-Key (8–64 ký tự chữ, số, '-' hoặc '_'), dùng để tránh nộp trùng khi gửi lại.");
        }
        return key;
    }

    private (Procedure Procedure, JsonElement Form, IReadOnlyList<Attachment> Attachments) Validate(IFormCollection request)
    {
        string? code = request["procedureCode"];
        if (string.IsNullOrWhiteSpace(code)) throw ProblemException.Invalid("procedureCode", "Thiếu mã thủ tục (procedureCode).");
        var procedure = catalogue.Find(code) ?? throw ProblemException.Invalid("procedureCode", $"Không có thủ tục mã '{code}' trong danh mục.");

        string? formText = request["form"];
        if (string.IsNullOrWhiteSpace(formText)) throw ProblemException.Invalid("form", "Thiếu nội dung tờ khai (form).");
        if (formText.Length > MaxFormChars) throw ProblemException.TooLarge("form", $"Tờ khai quá dài (tối đa {MaxFormChars:N0} ký tự).");
        JsonElement form;
        try
        {
            form = JsonDocument.Parse(formText).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid("form", $"Tờ khai không phải JSON hợp lệ: {e.Message}");
        }

        var errors = new Dictionary<string, List<string>>();
        foreach (var (field, messages) in forms.Validate(procedure, form)) errors[field] = [.. messages];
        var attachments = CheckAttachments(procedure, request.Files, errors);
        if (errors.Count > 0) throw ProblemException.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return (procedure, form, attachments);
    }

    internal static List<Attachment> CheckAttachments(Procedure procedure, IFormFileCollection files, Dictionary<string, List<string>> errors, bool requireMandatory = true)
    {
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        var attachments = new List<Attachment>();
        foreach (var group in files.GroupBy(f => f.Name))
        {
            var id = group.Key.StartsWith("doc:", StringComparison.Ordinal) ? group.Key[4..] : null;
            var document = procedure.RequiredDocuments.FirstOrDefault(d => d.Id == id);
            if (document is null)
            {
                Add($"documents.{id ?? group.Key}", $"Thủ tục này không có thành phần hồ sơ '{id ?? group.Key}'; tệp gửi lên phải mang tên doc:<mã thành phần>.");
                continue;
            }
            var field = $"documents.{document.Id}";
            if (group.Count() > MaxFilesPerDocument) Add(field, $"{document.Name}: tối đa {MaxFilesPerDocument} tệp.");
            foreach (var file in group)
            {
                var label = SafeFileName(file.FileName);
                if (file.Length == 0) { Add(field, $"{document.Name}: tệp '{label}' rỗng."); continue; }
                if (file.Length > document.MaxSizeBytes)
                {
                    Add(field, $"{document.Name}: tệp '{label}' ({file.Length / 1048576.0:0.#} MB) vượt quá {document.MaxSizeMb} MB.");
                    continue;
                }
                var content = new byte[file.Length];
                using (var stream = file.OpenReadStream()) stream.ReadExactly(content);
                var sniffed = FileSniffer.Sniff(content);
                if (sniffed is null || !document.Accept.Any(a => FileSniffer.Satisfies(sniffed, a)))
                {
                    Add(field, $"{document.Name}: tệp '{label}' không đúng định dạng; chấp nhận {AcceptText(document.Accept)}.");
                    continue;
                }
                attachments.Add(new Attachment(document, label, sniffed, content));
            }
        }
        foreach (var missing in procedure.RequiredDocuments.Where(d => requireMandatory && d.Mandatory && attachments.All(a => a.Document.Id != d.Id) && !errors.ContainsKey($"documents.{d.Id}")))
        {
            Add($"documents.{missing.Id}", $"Vui lòng đính kèm {missing.Name}.");
        }
        return attachments;
    }

    internal static async Task<IReadOnlyList<StoredDocument>> StoreAttachmentsAsync(IDocumentStore documents, string code, IReadOnlyList<Attachment> attachments, CancellationToken ct)
    {
        var stored = new List<StoredDocument>();
        foreach (var a in attachments)
        {
            // Content-addressed under the dossier: a retry writes the same name with the same bytes.
            var put = await documents.PutAsync($"dossiers/{code}/{a.Document.Id}", BinaryData.FromBytes(a.Content), a.ContentType, ct);
            stored.Add(new StoredDocument(a.Document.Id, a.Document.Name, a.FileName, put.Size, a.ContentType, put.Sha256, put.Blob));
        }
        return stored;
    }

    private string ReceivingAgency(Procedure procedure, JsonElement form)
    {
        // Commune-level procedures go to the People's Committee of the applicant's own ward when it is on the portal.
        if (procedure.Level == AdministrativeLevel.Commune &&
            form.GetProperty("applicant").TryGetProperty("address", out var address) &&
            address.TryGetProperty("ward", out var ward) &&
            catalogue.Agencies.FirstOrDefault(a => a.Level == AdministrativeLevel.Commune && a.WardCode == ward.GetString()) is { } own)
        {
            return own.Code;
        }
        return procedure.AgencyCode;
    }

    private static string Hash(string procedureCode, string form, IReadOnlyList<Attachment> attachments)
    {
        var text = new StringBuilder(procedureCode).Append('\n').Append(form);
        foreach (var a in attachments) text.Append('\n').Append(a.Document.Id).Append(':').Append(Convert.ToHexStringLower(SHA256.HashData(a.Content)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "tệp" : clean.Length > 120 ? clean[..120] : clean;
    }

    private static string AcceptText(IReadOnlyList<string> accept) => string.Join(", ", accept.Select(a => a switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        _ => a,
    }));

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();

    internal sealed record Attachment(RequiredDocument Document, string FileName, string ContentType, byte[] Content);
}

/// <summary>Links of a submitted dossier.</summary>
/// <param name="Self">The dossier.</param>
/// <param name="Acknowledgement">The printable acknowledgement of online submission (not a receipt: the receipt slip exists
/// once the desk receives the dossier).</param>
/// <param name="Qr">The QR code of the tracking address.</param>
public sealed record SubmissionLinks(string Self, string Acknowledgement, string Qr);

/// <summary>The answer to a submission.</summary>
public sealed record SubmissionResult(string Code, string ProcedureCode, DossierStatus Status, string StatusText, DateTimeOffset SubmittedAt,
    DateTimeOffset AppointmentDate, SubmissionLinks Links, LocalizedText? AppointmentNote);
