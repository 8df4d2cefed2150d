using Portal.Domain.Calendar;
using S = Portal.Domain.Dossiers.DossierStatus;

namespace Portal.Domain.Lifecycle;

/// <summary>A timer a dossier wants: "wake me at <paramref name="DueAt"/> for <paramref name="Kind"/>".</summary>
/// <param name="Kind">What for.</param>
/// <param name="DueAt">When.</param>
public sealed record DossierTimer(DossierTimerKind Kind, DateTimeOffset DueAt);

/// <summary>
/// The timers a state wants, derived from the state alone (plus the calendar for "one working day before").
/// The persistence layer keeps exactly these armed; a fired timer is checked against them again, so a timer
/// that fires after the state moved on does nothing.
/// </summary>
public static class DossierTimers
{
    /// <summary>The timers the state wants now.</summary>
    public static IReadOnlyList<DossierTimer> Due(DossierState state, WorkingCalendar calendar, LifecycleSettings settings)
    {
        var timers = new List<DossierTimer>();
        var running = state.Status is S.Received or S.InProgress or S.Extended or S.Approved;
        if ((running || state.Status == S.ResultIssued) && state.StepDueAt is { } stepDue && !state.StepOverdue)
        {
            timers.Add(new(DossierTimerKind.StepDue, stepDue));
        }
        if (running && state.AppointmentAt is { } appointment && !state.Overdue)
        {
            if (state.ApologyDraft is null) timers.Add(new(DossierTimerKind.AppointmentWarning, WarningAt(state, appointment, calendar, settings)));
            timers.Add(new(DossierTimerKind.Appointment, appointment));
        }
        if (state.Status == S.SupplementRequested && state.SupplementDueAt is { } supplementDue && !state.SupplementOverdue)
        {
            timers.Add(new(DossierTimerKind.SupplementDue, supplementDue));
        }
        if (state.Status == S.AwaitingPayment && state.PaymentDueAt is { } paymentDue && !state.PaymentOverdue)
        {
            timers.Add(new(DossierTimerKind.PaymentDue, paymentDue));
        }
        if (state.Status == S.ResultReturned && state.RatingRequestAt is { } rating && !state.RatingRequested)
        {
            timers.Add(new(DossierTimerKind.RatingRequest, rating));
        }
        return timers;
    }

    /// <summary>
    /// The warning instant: the configured working days before the appointment (default one), but never more
    /// than half the working time the dossier has, so a same-day procedure is warned at mid-day, not before it starts.
    /// </summary>
    public static DateTimeOffset WarningAt(DossierState state, DateTimeOffset appointment, WorkingCalendar calendar, LifecycleSettings settings)
    {
        var start = state.ClockStartAt ?? state.SubmittedAt;
        var total = calendar.WorkingTimeBetween(start, appointment);
        var lead = TimeSpan.FromTicks(Math.Min(calendar.WorkingDayLength.Ticks * settings.WarningWorkingDays, total.Ticks / 2));
        return calendar.AddWorkingTime(start, total - lead);
    }
}
