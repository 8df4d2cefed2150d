using QRCoder;
using Portal.Domain.Dossiers;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Tra cứu hồ sơ: a signed-in citizen sees their own dossiers; anyone holding the dossier code and the
/// applicant's phone number sees that one dossier. Nobody sees another citizen's dossier.
/// </summary>
public sealed class TrackDossier(DossierStore dossiers, SubmissionLedger ledger, CatalogueModel catalogue)
{
    /// <summary>One dossier with its timeline.</summary>
    public async Task<DossierView> GetAsync(HttpContext http, string code, string? phone) =>
        await ViewAsync(await FindVisibleAsync(http, code, phone), http.RequestAborted);

    /// <summary>Finds a dossier the caller may see: its owner (bearer) or anyone with the applicant's phone.</summary>
    public async Task<DossierRecord> FindVisibleAsync(HttpContext http, string code, string? phone)
    {
        var ct = http.RequestAborted;
        if (!DossierCode.TryParse(code, out _)) throw ProblemException.Invalid("code", "Mã hồ sơ không đúng dạng MÃCƠQUAN-YYMMDD-NNNN (ví dụ 000.00.01.H55-251121-0001).");
        var notFound = ProblemException.NotFound("Không tìm thấy hồ sơ: kiểm tra lại mã hồ sơ và số điện thoại đã khai.");
        var dossier = await dossiers.FindAsync(code, ct);
        if (http.User.Identity?.IsAuthenticated == true && phone is null)
        {
            if (dossier is null) throw notFound;
            if (dossier.ApplicantSubject != http.User.Subject())
            {
                throw ProblemException.Forbidden("Hồ sơ này không thuộc tài khoản của bạn. Nếu bạn là người nộp, hãy tra cứu bằng mã hồ sơ và số điện thoại.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(phone)) throw ProblemException.Invalid("phone", "Nhập số điện thoại đã khai trong hồ sơ để tra cứu, hoặc đăng nhập.");
            var normalized = PhoneNumber.Normalize(phone) ?? throw ProblemException.Invalid("phone", "Số điện thoại di động không hợp lệ (ví dụ 0912345678).");
            if (dossier is null || dossier.ApplicantPhone != normalized) throw notFound;
        }
        return dossier;
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
            s.LastReason);
    }

    /// <summary>The signed-in citizen's dossiers, newest first.</summary>
    public async Task<IReadOnlyList<DossierSummary>> MineAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var codes = await ledger.CodesOfAsync(http.User.Subject(), ct);
        var found = await Task.WhenAll(codes.Distinct().Select(c => dossiers.FindAsync(c, ct)));
        return found.OfType<DossierRecord>()
            .OrderByDescending(d => d.SubmittedAt)
            .Select(d => new DossierSummary(d.Code, d.ProcedureCode, catalogue.Find(d.ProcedureCode)?.Name ?? d.ProcedureCode, d.Status,
                DossierStatuses.Of(d.Status).Vietnamese, d.SubmittedAt, d.AppointmentAt))
            .ToList();
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
