namespace Portal.Domain.Calendar;

/// <summary>
/// Computes the appointment date (ngày hẹn trả kết quả) printed on the receipt, from the instant the desk received a
/// complete dossier, the procedure's processing time and the working calendar.
/// </summary>
/// <remarks>
/// The rules we encode (one-stop-shop practice under Decree 118/2025/NĐ-CP; processing time counts working days unless
/// the procedure says otherwise):
/// <list type="number">
/// <item><description>Time is Vietnamese local time, UTC+07:00; the result carries the +07:00 offset.</description></item>
/// <item><description>Effective receipt: counted from the minute of receipt (seconds dropped). A dossier received outside office hours (lunch, evening, night) or on a day that is
/// not a working day counts as received at the start of the next office period of a working day
/// (<see cref="WorkingCalendar.NextOfficeTime(DateTime)"/>).</description></item>
/// <item><description>Cut-off: when the procedure has a cut-off (e.g. 15:00) and the effective receipt is after it, the
/// dossier counts as received at the opening of the next working day. Receipt exactly at the cut-off is before it.</description></item>
/// <item><description>Working days N ≥ 1: due at office close (e.g. 17:00) of the N-th working day after the effective
/// receipt day, the receipt day itself being day 0. N = 0 (same day, trong ngày): due at office close of the effective
/// receipt day.</description></item>
/// <item><description>Working hours H: H hours of office time added to the effective receipt, skipping lunch, nights, weekends and days off; the result may be exactly the end of a period.</description></item>
/// <item><description>Calendar days N: due at office close of the effective receipt date plus N days; when that day is not a
/// working day the deadline moves to office close of the next working day (Civil Code 2015, art. 148).</description></item>
/// <item><description>Deadlines are written as deadlines: an instant exactly at the start of an office period is written as
/// the end of the period before it (<see cref="WorkingCalendar.AsDeadline(DateTime)"/>), so an appointment never lands at
/// the opening minute of a day. When a supplement pause or an extension moves a deadline, office time counts in whole
/// minutes from the deadline (<see cref="WorkingCalendar.MoveDeadline(DateTimeOffset, TimeSpan)"/>): a same-day dossier due at
/// 17:00 whose supplement comes back within the same minute keeps 17:00.</description></item>
/// </list>
/// Consequences checked by tests: for working days and calendar days the appointment is always the closing time of a
/// working day, and a later receipt never gives an earlier appointment.
/// </remarks>
public static class AppointmentCalculator
{
    /// <summary>Computes the appointment instant (+07:00) for a dossier received at <paramref name="receivedAt"/>.</summary>
    public static DateTimeOffset Compute(DateTimeOffset receivedAt, ProcessingTime time, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(calendar);
        var start = EffectiveReceiptLocal(receivedAt, time, calendar);
        var startDate = DateOnly.FromDateTime(start);
        var due = time.Unit switch
        {
            ProcessingTimeUnit.WorkingDays => calendar.ClosingOf(calendar.AddWorkingDays(startDate, (int)time.Value)),
            ProcessingTimeUnit.WorkingHours => calendar.AddWorkingTime(start, WorkingCalendar.WholeMinutes(TimeSpan.FromHours((double)time.Value))),
            ProcessingTimeUnit.Days => calendar.ClosingOf(calendar.WorkingDayOnOrAfter(startDate.AddDays((int)time.Value))),
            _ => throw new ArgumentOutOfRangeException(nameof(time), time.Unit, "Unknown processing time unit."),
        };
        return VietnamTime.FromLocal(calendar.AsDeadline(due));
    }

    /// <summary>
    /// The instant (+07:00) from which the processing time counts: the receipt itself during office hours, else the start
    /// of the next office period; the next working day's opening when received after the procedure's cut-off.
    /// </summary>
    public static DateTimeOffset EffectiveReceipt(DateTimeOffset receivedAt, ProcessingTime time, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(calendar);
        return VietnamTime.FromLocal(EffectiveReceiptLocal(receivedAt, time, calendar));
    }

    private static DateTime EffectiveReceiptLocal(DateTimeOffset receivedAt, ProcessingTime time, WorkingCalendar calendar)
    {
        // The clock counts from the minute of receipt (seconds dropped), so every deadline derived from it is a whole minute.
        var local = VietnamTime.ToLocal(receivedAt);
        var start = calendar.NextOfficeTime(local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)));
        if (time.CutOff is { } cutOff && TimeOnly.FromDateTime(start) > cutOff)
            start = calendar.OpeningOf(calendar.NextWorkingDay(DateOnly.FromDateTime(start)));
        return start;
    }
}
