using QRCoder;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Telemetry;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Tra cứu hồ sơ: a signed-in citizen sees their own dossiers in full; anyone holding the dossier code and the
/// applicant's phone number sees that dossier's status, dates and timeline only. Nobody sees another citizen's dossier.
/// </summary>
public sealed class TrackDossier(DossierStore dossiers, CitizenDossierList list, CatalogueModel catalogue)
{
    /// <summary>Fixed wording of the public timeline, by event kind.</summary>
    private static readonly IReadOnlyDictionary<string, string> PublicWording = new Dictionary<string, string>
    {
        ["Submitted"] = "Nộp hồ sơ trực tuyến", ["Received"] = "Tiếp nhận hồ sơ", ["PaymentRequested"] = "Yêu cầu nộp phí, lệ phí",
        ["PaymentConfirmed"] = "Đã nộp phí, lệ phí", ["RefusedAtIntake"] = "Từ chối tiếp nhận", ["SupplementRequested"] = "Yêu cầu bổ sung hồ sơ",
        ["SupplementProvided"] = "Công dân bổ sung hồ sơ", ["Forwarded"] = "Chuyển bước xử lý", ["Approved"] = "Phê duyệt",
        ["Rejected"] = "Không giải quyết", ["Extended"] = "Gia hạn, xin lỗi", ["ProcessingStopped"] = "Dừng xử lý",
        ["ResultIssued"] = "Ký, ban hành kết quả", ["ResultReturned"] = "Trả kết quả", ["Withdrawn"] = "Rút hồ sơ",
        ["StepOverdue"] = "Bước xử lý quá hạn", ["ApologyDrafted"] = "Soạn thư xin lỗi", ["BecameOverdue"] = "Quá hạn giải quyết",
        ["SupplementOverdue"] = "Quá hạn bổ sung", ["RatingRequested"] = "Mời đánh giá", ["PaymentOverdue"] = "Quá hạn nộp phí",
    };

    /// <summary>The owner's full view of one dossier (policy <c>citizen</c>).</summary>
    public async Task<DossierView> GetAsync(HttpContext http, string code) =>
        await ViewAsync(await FindOwnAsync(http, code), http.RequestAborted);

    /// <summary>The signed-in applicant's own dossier: 404 when unknown, 403 when someone else's.</summary>
    public async Task<DossierRecord> FindOwnAsync(HttpContext http, string code)
    {
        var canonical = Canonical(code);
        var dossier = await dossiers.FindAsync(canonical, http.RequestAborted)
            ?? throw ProblemException.NotFound("Không tìm thấy hồ sơ: kiểm tra lại mã hồ sơ.");
        return dossier.ApplicantSubject == http.User.Subject() ? dossier
            : throw ProblemException.Forbidden("Hồ sơ này không thuộc tài khoản của bạn. Nếu bạn là người nộp, hãy tra cứu bằng mã hồ sơ và số điện thoại.");
    }

    /// <summary>Anyone with the code and the applicant's phone: status, dates and timeline only.</summary>
    public async Task<PublicDossierView> TrackAsync(TrackRequest request, CancellationToken ct)
    {
        using var activity = PortalTelemetry.Source.StartActivity("Track dossier");
        var canonical = Canonical(request.Code);
        if (string.IsNullOrWhiteSpace(request.Phone)) throw ProblemException.Invalid("phone", "Nhập số điện thoại đã khai trong hồ sơ để tra cứu, hoặc đăng nhập.");
        var normalized = PhoneNumber.Normalize(request.Phone) ?? throw ProblemException.Invalid("phone", "Số điện thoại di động không hợp lệ (ví dụ 0912345678).");
        var dossier = await dossiers.FindAsync(canonical, ct);
        var found = dossier is not null && dossier.ApplicantPhone == normalized;
        PortalTelemetry.TrackingLookups.Add(1, new KeyValuePair<string, object?>("portal.tracking.found", found));
        activity?.SetTag("portal.tracking.found", found);
        if (!found) throw ProblemException.NotFound("Không tìm thấy hồ sơ: kiểm tra lại mã hồ sơ và số điện thoại đã khai.");
        var history = await dossiers.HistoryAsync(dossier!.Code, ct);
        var status = DossierStatuses.Of(dossier.Status);
        var s = dossier.Lifecycle;
        return new PublicDossierView(dossier.Code, new ProcedureRef(dossier.ProcedureCode, catalogue.Find(dossier.ProcedureCode)?.Name ?? dossier.ProcedureCode),
            new AgencyView(dossier.AgencyCode, catalogue.FindAgency(dossier.AgencyCode)?.Name ?? dossier.AgencyCode), dossier.Status, status.Vietnamese,
            status.NationalCode, dossier.SubmittedAt, dossier.AppointmentAt, s.AppointmentAt is null, s.Status == DossierStatus.SupplementRequested,
            s.ResultSha256 is not null,
            history.Select(e => PublicEntry(e.Event.At, e.Event.GetType().Name)).ToList(), AppointmentWording.For(s));
    }

    private static PublicTimelineEntry PublicEntry(DateTimeOffset at, string kind) => new(at, kind, PublicWording.GetValueOrDefault(kind, kind));

    /// <summary>A dossier code in its canonical upper-case form, or a problem on <c>code</c>.</summary>
    public static string Canonical(string? code)
    {
        var canonical = code?.Trim().ToUpperInvariant() ?? "";
        return DossierCode.TryParse(canonical, out _) ? canonical
            : throw ProblemException.Invalid("code", "Mã hồ sơ không đúng dạng MÃCƠQUAN-YYMMDD-NNNN (ví dụ 000.00.01.H55-251121-0001).");
    }

    /// <summary>The citizen's view of a dossier.</summary>
    public async Task<DossierView> ViewAsync(DossierRecord dossier, CancellationToken ct)
    {
        var history = await dossiers.HistoryAsync(dossier.Code, ct);
        var procedure = catalogue.Find(dossier.ProcedureCode);
        var agency = catalogue.FindAgency(dossier.AgencyCode);
        var status = DossierStatuses.Of(dossier.Status);
        var s = dossier.Lifecycle;
        return new DossierView(dossier.Code, new ProcedureRef(dossier.ProcedureCode, procedure?.Name ?? dossier.ProcedureCode),
            new AgencyView(dossier.AgencyCode, agency?.Name ?? dossier.AgencyCode), dossier.Status, status.Vietnamese, status.NationalCode,
            dossier.SubmittedAt, dossier.AppointmentAt, s.AppointmentAt is null, dossier.ApplicantName,
            history.Select(e => new TimelineEntry(e.Event.At, e.Event.GetType().Name, e.Text)).ToList(),
            dossier.Documents.Select(d => new DocumentView(d.DocumentId, d.Name, d.FileName, d.Size, d.ContentType, d.Sha256)).ToList(),
            System.Text.Json.JsonDocument.Parse(dossier.FormJson).RootElement.Clone(),
            s.Status == DossierStatus.SupplementRequested ? new SupplementRequestView(s.MissingItems, s.SupplementDueAt, s.LastReason) : null,
            s.ResultSha256 is null ? null : new ResultView(s.ResultSha256, $"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}/result"),
            s.LastReason, AppointmentWording.For(s), DossierTransitions.For(nameof(Withdraw), s.Status).Count > 0, RequestedChannel(dossier.FormJson));
    }

    /// <summary>How the applicant asked to receive the result: the e-Form's <c>delivery</c> answer (truc-tiep, buu-chinh,
    /// dien-tu), or null when the form has no such question.</summary>
    public static ReturnChannel? RequestedChannel(string formJson)
    {
        using var form = System.Text.Json.JsonDocument.Parse(formJson);
        return form.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && form.RootElement.TryGetProperty("delivery", out var delivery) && delivery.ValueKind == System.Text.Json.JsonValueKind.String
            ? delivery.GetString() switch
            {
                "truc-tiep" => ReturnChannel.Desk,
                "buu-chinh" => ReturnChannel.Post,
                "dien-tu" => ReturnChannel.Online,
                _ => null,
            }
            : null;
    }

    /// <summary>A page of the signed-in citizen's dossiers, newest first, from their list projection.</summary>
    public async Task<DossierSummaryPage> MineAsync(HttpContext http, string? status, string? procedure, string? pageSize, string? next)
    {
        var query = new CitizenListQuery(ListFilters.Enum<DossierStatus>("status", status), ListFilters.Text("procedure", procedure));
        var page = await list.PageAsync(http.User.Subject(), query, TablePaging.PageSize(pageSize), next, http.RequestAborted);
        return new DossierSummaryPage(page.Items, page.Next);
    }

    /// <summary>An SVG QR code of the dossier's tracking address, for slips and the confirmation page.</summary>
    public static IResult Qr(HttpContext http, string code)
    {
        if (!DossierCode.TryParse(code, out _)) throw ProblemException.Invalid("code", "Mã hồ sơ không đúng dạng.");
        return QrOf($"{http.Request.Scheme}://{http.Request.Host}/track.html?code={Uri.EscapeDataString(code)}");
    }

    /// <summary>An SVG QR code of an address.</summary>
    public static IResult QrOf(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return Results.Text(svg, "image/svg+xml");
    }
}
