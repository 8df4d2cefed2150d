using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;

namespace Portal.Functions.Dossiers;

/// <summary>A text in Vietnamese (first) and English, as the site shows it (<c>{vi, en}</c>).</summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Vi, string En);

/// <summary>
/// What the appointment date shown to the applicant means in the dossier's present state: the single place that words it,
/// returned with every view so that no page decides it again (a dossier awaiting its fee is not "recomputed on receipt":
/// it is complete and waits for the payment).
/// </summary>
public static class AppointmentWording
{
    /// <summary>The note beside the appointment date, or null when the date is simply the appointment.</summary>
    public static LocalizedText? For(DossierState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            DossierStatus.Submitted => new(
                "dự kiến; ngày hẹn chính thức được tính khi Bộ phận một cửa tiếp nhận hồ sơ",
                "provisional; the appointment is set when the one-stop desk receives the application"),
            DossierStatus.AwaitingPayment => new(
                "dự kiến; hồ sơ đầy đủ, ngày hẹn chính thức được tính khi Ông/Bà nộp phí, lệ phí",
                "provisional; the application is complete and the appointment is set when the fee is paid"),
            DossierStatus.SupplementRequested when state.ClockStartAt is null => new(
                "dự kiến; ngày hẹn chính thức được tính khi hồ sơ đầy đủ và được tiếp nhận",
                "provisional; the appointment is set when the completed application is received"),
            DossierStatus.SupplementRequested => new(
                "tạm dừng tính thời hạn chờ Ông/Bà bổ sung; ngày hẹn được lùi tương ứng khi nhận được bổ sung",
                "the clock is stopped until you supplement; the date moves by the time waited"),
            DossierStatus.Extended => new("đã gia hạn, kèm thư xin lỗi", "extended, with an apology"),
            _ => null,
        };
    }
}
