using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Functions.Catalogue;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Dossiers;

/// <summary>The province's working-day calendar (Data/calendar/holidays-vn.json) and the appointment dates it gives.</summary>
public sealed class Deadlines
{
    /// <summary>The calendar in force.</summary>
    public WorkingCalendar Calendar { get; } = WorkingCalendar.Parse(File.ReadAllText(DataFiles.PathOf("calendar", "holidays-vn.json")));

    /// <summary>The appointment date (ngày hẹn trả kết quả) for a dossier received at an instant.</summary>
    public DateTimeOffset Appointment(DateTimeOffset receivedAt, ProcessingTimeData time) =>
        AppointmentCalculator.Compute(receivedAt, ProcessingTimes.Of(time), Calendar);

    /// <summary>The local (UTC+07:00) date of an instant: the date printed in dossier codes.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(VietnamTime.ToLocal(at));
}
