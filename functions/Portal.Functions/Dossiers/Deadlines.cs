using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Lifecycle;
using Portal.Functions.Catalogue;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Dossiers;

/// <summary>
/// The province's working-day calendar (Data/calendar/holidays-vn.json), its lifecycle rules, and what a
/// decision about a dossier may consult.
/// </summary>
public sealed class Deadlines
{
    /// <summary>The calendar in force.</summary>
    public WorkingCalendar Calendar { get; } = WorkingCalendar.Parse(File.ReadAllText(DataFiles.PathOf("calendar", "holidays-vn.json")));

    /// <summary>Province-wide lifecycle rules.</summary>
    public LifecycleSettings Settings { get; } = LifecycleSettings.Default;

    /// <summary>The processing plan of a procedure (every procedure uses the default plan for now).</summary>
    public ProcessingPlan PlanFor(string procedureCode) => ProcessingPlan.Default;

    /// <summary>The context of a decision about a dossier of a procedure at an instant.</summary>
    public DecisionContext ContextFor(Procedure procedure, DateTimeOffset now) =>
        new(now, Calendar, PlanFor(procedure.Code), ProcessingTimes.Of(procedure.ProcessingTime), procedure.FeeTotalVnd, Settings);

    /// <summary>The appointment date (ngày hẹn trả kết quả) for a dossier received at an instant.</summary>
    public DateTimeOffset Appointment(DateTimeOffset receivedAt, ProcessingTimeData time) =>
        AppointmentCalculator.Compute(receivedAt, ProcessingTimes.Of(time), Calendar);

    /// <summary>The local (UTC+07:00) date of an instant: the date printed in dossier codes.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(VietnamTime.ToLocal(at));
}
