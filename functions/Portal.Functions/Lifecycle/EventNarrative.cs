using System.Globalization;
using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;

namespace Portal.Functions.Lifecycle;

/// <summary>The Vietnamese wording of lifecycle events (timeline, dossier log) and the messages each one owes.</summary>
public static class EventNarrative
{
    private static string When(DateTimeOffset at) => VietnamTime.ToLocal(at).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Because(LifecycleEvent e) => string.IsNullOrWhiteSpace(e.Reason) ? "" : $" Lý do: {Sentence(e.Reason)}";

    /// <summary>
    /// Ends a free text (a reason, a list of missing items) as one sentence: trimmed, with a full stop unless it already ends
    /// with one (or with "!", "?", "…"), so officers' texts that end in "." never give "..".
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && ".!?…".Contains(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    /// <summary>Items of a list joined with "; ", each without its own closing full stop.</summary>
    private static string Items(IEnumerable<string> items) => string.Join("; ", items.Select(i => i.Trim().TrimEnd('.', ';').TrimEnd()));

    /// <summary>One line for the timeline.</summary>
    public static string Describe(LifecycleEvent e, ProcessingPlan plan) => e switch
    {
        Submitted s => $"Công dân nộp hồ sơ trực tuyến; ngày hẹn dự kiến {When(s.ProvisionalAppointmentAt)}.",
        Received r => $"Bộ phận một cửa tiếp nhận hồ sơ; bắt đầu tính thời hạn; hẹn trả kết quả {When(r.AppointmentAt)}.",
        PaymentRequested p => $"Hồ sơ đầy đủ; chờ nộp phí, lệ phí {p.AmountVnd.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng" +
            (p.PaymentDueAt is { } due ? $", hạn nộp {When(due)}" : "") +
            ". Hồ sơ được tiếp nhận và bắt đầu tính thời hạn khi đã nộp phí, lệ phí." + Because(e),
        RefusedAtIntake => "Từ chối tiếp nhận hồ sơ." + Because(e),
        SupplementRequested q => $"Yêu cầu bổ sung hồ sơ (lần {q.Ordinal}): {Items(q.Missing)}. Tạm dừng tính thời hạn; hạn bổ sung {When(q.SupplementDueAt)}." + Because(e),
        SupplementProvided p => p.AppointmentAt is { } a
            ? $"Công dân đã bổ sung hồ sơ; tiếp tục tính thời hạn; ngày hẹn mới {When(a)}."
            : "Công dân đã bổ sung hồ sơ.",
        Forwarded f => $"Chuyển từ bước \"{StepName(plan, f.FromStep)}\" sang bước \"{StepName(plan, f.ToStep)}\" (hạn {When(f.StepDueAt)})." + Because(e),
        Approved a => $"Lãnh đạo phòng phê duyệt hồ sơ; chuyển bước \"{StepName(plan, a.ToStep)}\" (hạn {When(a.StepDueAt)})." + Because(e),
        Rejected => "Hồ sơ không được giải quyết." + Because(e),
        Extended x => $"Gia hạn giải quyết: ngày hẹn mới {When(x.AppointmentAt)} (thay cho {When(x.PreviousAppointmentAt)}); đã gửi thư xin lỗi." + Because(e),
        ProcessingStopped => "Dừng xử lý hồ sơ." + Because(e),
        ResultIssued r => $"Đã ký, ban hành kết quả (SHA-256 {r.Sha256[..12]}…).",
        ResultReturned r => $"Đã trả kết quả ({r.Channel switch { ReturnChannel.Post => "qua bưu chính công ích", ReturnChannel.Online => "trực tuyến", _ => "tại bộ phận một cửa" }}).",
        Withdrawn => "Công dân rút hồ sơ." + Because(e),
        StepOverdue s => $"Bước \"{StepName(plan, s.Step)}\" đã quá hạn.",
        ApologyDrafted d => $"Hồ sơ có nguy cơ trễ hạn {When(d.AppointmentAt)}: đã soạn sẵn thư xin lỗi, đề xuất hẹn lại {When(d.ProposedAppointmentAt)}.",
        BecameOverdue => "Hồ sơ đã quá hạn giải quyết (trễ hạn).",
        SupplementOverdue => "Đã hết hạn bổ sung hồ sơ mà công dân chưa bổ sung.",
        RatingRequested => "Đã mời công dân đánh giá mức độ hài lòng.",
        PaymentOverdue => "Đã hết hạn nộp phí, lệ phí mà chưa nhận được khoản nộp.",
        _ => e.GetType().Name,
    };

    /// <summary>The messages an event owes, and to whom.</summary>
    public static IEnumerable<(Audience Audience, string Text)> MessagesFor(LifecycleEvent e, string code)
    {
        switch (e)
        {
            case Received r:
                yield return (Audience.Applicant, $"Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: {When(r.AppointmentAt)}.");
                break;
            case PaymentRequested p:
                yield return (Audience.Applicant, $"Hồ sơ {code}: vui lòng nộp phí, lệ phí {p.AmountVnd:N0} đồng để hồ sơ được xử lý.");
                break;
            case RefusedAtIntake:
                yield return (Audience.Applicant, $"Hồ sơ {code} không được tiếp nhận.{Because(e)}");
                break;
            case SupplementRequested q:
                yield return (Audience.Applicant, $"Hồ sơ {code} cần bổ sung: {Items(q.Missing)}. Hạn bổ sung: {When(q.SupplementDueAt)}.");
                break;
            case SupplementProvided:
                yield return (Audience.Officers, $"Hồ sơ {code} đã được công dân bổ sung.");
                break;
            case Extended x:
                yield return (Audience.Applicant, $"Cơ quan xin lỗi vì hồ sơ {code} chưa giải quyết đúng hẹn.{Because(e)} Ngày hẹn mới: {When(x.AppointmentAt)}.");
                yield return (Audience.AgencyHead, $"Văn bản giải trình: hồ sơ {code} gia hạn đến {When(x.AppointmentAt)}.{Because(e)}");
                break;
            case ApologyDrafted d:
                yield return (Audience.Officers, $"Hồ sơ {code} sắp trễ hạn ({When(d.AppointmentAt)}): đã có dự thảo thư xin lỗi, cần nêu lý do và gửi trước hạn.");
                break;
            case BecameOverdue:
                yield return (Audience.AgencyHead, $"Hồ sơ {code} đã trễ hạn giải quyết.");
                break;
            case StepOverdue s:
                yield return (Audience.Officers, $"Hồ sơ {code}: bước {s.Step} đã quá hạn.");
                break;
            case ResultIssued:
                yield return (Audience.Applicant, $"Hồ sơ {code} đã có kết quả. Ông/Bà có thể tải kết quả điện tử trên Cổng Dịch vụ công.");
                break;
            case Rejected or ProcessingStopped:
                yield return (Audience.Applicant, $"Hồ sơ {code} không được tiếp tục giải quyết.{Because(e)}");
                break;
            case PaymentOverdue:
                yield return (Audience.Applicant, $"Hồ sơ {code}: đã hết hạn nộp phí, lệ phí. Vui lòng liên hệ bộ phận một cửa.");
                yield return (Audience.Officers, $"Hồ sơ {code}: quá hạn nộp phí, lệ phí.");
                break;
            case RatingRequested:
                yield return (Audience.Applicant, $"Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ {code}.");
                break;
            case Withdrawn:
                yield return (Audience.Officers, $"Công dân đã rút hồ sơ {code}.");
                break;
        }
    }

    private static string StepName(ProcessingPlan plan, string id) => plan.Steps.FirstOrDefault(s => s.Id == id)?.Name ?? id;
}
