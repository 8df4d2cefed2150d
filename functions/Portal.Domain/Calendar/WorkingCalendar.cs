namespace Portal.Domain.Calendar;

/// <summary>
/// The working-day calendar of the one-stop-shop desk (ngày làm việc): weekly days off, public holidays including lunar
/// Tết and the Hùng Kings' day, compensatory and swapped days off, worked Saturdays, and office hours. Pure and
/// immutable; built from <see cref="HolidayCalendar"/> data.
/// </summary>
/// <remarks>
/// Methods taking <see cref="DateTime"/> read it as Vietnamese local wall-clock time (UTC+07:00) and return local times
/// of kind <see cref="DateTimeKind.Unspecified"/>; a <see cref="DateTimeKind.Utc"/> value is refused so that a UTC clock
/// cannot be mistaken for local time. The <see cref="DateTimeOffset"/> overloads accept any offset and answer in +07:00.
/// Office time is the union of the office periods of working days; a period's start is inside it, its end is not
/// (a dossier handed in at 17:00 sharp is received the next working morning), but a deadline may fall exactly on an end.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, DayOff> _daysOff;
    private readonly HashSet<DateOnly> _workedWeekends;
    private readonly HashSet<int> _years;

    /// <summary>Builds the calendar from holiday data.</summary>
    public WorkingCalendar(HolidayCalendar data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _daysOff = data.Days.ToDictionary(d => d.Date);
        _workedWeekends = data.WorkingWeekends.Select(w => w.Date).ToHashSet();
        _years = data.Years.ToHashSet();
        WorkingDayLength = data.OfficeHours.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
    }

    /// <summary>Parses holiday data JSON text (see <see cref="HolidayCalendar.Parse"/>) and builds the calendar.</summary>
    public static WorkingCalendar Parse(string json) => new(HolidayCalendar.Parse(json));

    /// <summary>The data this calendar was built from.</summary>
    public HolidayCalendar Data { get; }

    /// <summary>Office periods of a working day, in order.</summary>
    public IReadOnlyList<OfficePeriod> OfficeHours => Data.OfficeHours;

    /// <summary>Opening time of a working day (start of the first period, e.g. 07:30).</summary>
    public TimeOnly OpeningTime => Data.OfficeHours[0].Start;

    /// <summary>Closing time of a working day (end of the last period, e.g. 17:00): deadlines in days fall here.</summary>
    public TimeOnly ClosingTime => Data.OfficeHours[^1].End;

    /// <summary>Office time in one working day (e.g. 8 hours).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>Whether the data lists the holidays of the date's year; outside those years only weekends are known,
    /// so callers should warn that the result may miss holidays.</summary>
    public bool Covers(DateOnly date) => _years.Contains(date.Year);

    /// <summary>Whether the date is a working day: not a weekly day off (unless worked, làm bù), not a holiday,
    /// compensatory or swapped day off.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        !_daysOff.ContainsKey(date) && (!Data.Weekend.Contains(date.DayOfWeek) || _workedWeekends.Contains(date));

    /// <summary>The listed day off on that date (holiday, compensatory or swap), or null.</summary>
    public DayOff? DayOffOn(DateOnly date) => _daysOff.GetValueOrDefault(date);

    /// <summary>The first working day strictly after the date.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsWorkingDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>The last working day strictly before the date.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!IsWorkingDay(d)) d = d.AddDays(-1);
        return d;
    }

    /// <summary>The date itself when it is a working day, else the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>
    /// Counts working days: for <paramref name="days"/> &gt; 0 the n-th working day after the date (the date itself is
    /// day 0 and need not be a working day); for 0 the date itself if it is a working day, else the next one;
    /// for a negative count the n-th working day before the date.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        if (days == 0) return WorkingDayOnOrAfter(date);
        var d = date;
        for (var i = 0; i < Math.Abs(days); i++) d = days > 0 ? NextWorkingDay(d) : PreviousWorkingDay(d);
        return d;
    }

    /// <summary>Number of working days d with <paramref name="from"/> &lt; d &lt;= <paramref name="to"/>
    /// (negative when <paramref name="to"/> is before <paramref name="from"/>).</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>The opening instant (local) of a date, e.g. 07:30.</summary>
    public DateTime OpeningOf(DateOnly date) => date.ToDateTime(OpeningTime);

    /// <summary>The closing instant (local) of a date, e.g. 17:00.</summary>
    public DateTime ClosingOf(DateOnly date) => date.ToDateTime(ClosingTime);

    /// <summary>Whether a local time is office time: inside an office period of a working day.</summary>
    public bool IsOfficeTime(DateTime local)
    {
        CheckLocal(local);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && Data.OfficeHours.Any(p => p.Contains(time));
    }

    /// <summary>Whether an instant is office time in Vietnam.</summary>
    public bool IsOfficeTime(DateTimeOffset instant) => IsOfficeTime(VietnamTime.ToLocal(instant));

    /// <summary>The local time itself when it is office time, else the start of the next office period of a working day
    /// (after 11:30 → 13:00 the same day; after 17:00, on a weekend or holiday → opening of the next working day).</summary>
    public DateTime NextOfficeTime(DateTime local)
    {
        CheckLocal(local);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var date = DateOnly.FromDateTime(local);
        if (IsWorkingDay(date))
        {
            var time = TimeOnly.FromDateTime(local);
            foreach (var p in Data.OfficeHours)
            {
                if (time < p.Start) return date.ToDateTime(p.Start);
                if (p.Contains(time)) return local;
            }
        }
        return OpeningOf(NextWorkingDay(date));
    }

    /// <summary>The instant itself when it is office time, else the start of the next office period (in +07:00).</summary>
    public DateTimeOffset NextOfficeTime(DateTimeOffset instant) => VietnamTime.FromLocal(NextOfficeTime(VietnamTime.ToLocal(instant)));

    /// <summary>
    /// Adds office time: the local instant at which <paramref name="duration"/> of office time has elapsed counting from
    /// <paramref name="local"/>, skipping lunch, nights, weekends and days off. Counting starts at
    /// <see cref="NextOfficeTime(DateTime)"/>; a result may fall exactly at the end of a period (e.g. 11:30 or 17:00).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative duration.</exception>
    public DateTime AddWorkingTime(DateTime local, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var current = NextOfficeTime(local);
        var remaining = duration;
        while (true)
        {
            var date = DateOnly.FromDateTime(current);
            var time = TimeOnly.FromDateTime(current);
            var end = date.ToDateTime(Data.OfficeHours.First(p => p.Contains(time)).End);
            var available = end - current;
            if (remaining <= available) return current + remaining;
            remaining -= available;
            current = NextOfficeTime(end);
        }
    }

    /// <summary>
    /// Moves a deadline (an appointment or a step's due time) by office time, as a supplement pause or an extension does.
    /// The rule: office time is counted in whole minutes (seconds are dropped, since deadlines are kept and printed to the
    /// minute), counting resumes from the deadline itself, and nothing to add leaves the deadline where it is. The result is
    /// written by <see cref="AsDeadline(DateTime)"/>, so it never lands at the opening minute of a day: a deadline of
    /// 17:00 moved by 30 seconds stays at 17:00, moved by one minute it becomes 07:31 of the next working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative duration.</exception>
    public DateTimeOffset MoveDeadline(DateTimeOffset due, TimeSpan officeTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(officeTime, TimeSpan.Zero);
        var minutes = WholeMinutes(officeTime);
        var local = VietnamTime.ToLocal(due);
        return VietnamTime.FromLocal(AsDeadline(minutes > TimeSpan.Zero ? AddWorkingTime(local, minutes) : local));
    }

    /// <summary>Office time in whole minutes, rounded down: how pauses and moves of deadlines are counted.</summary>
    public static TimeSpan WholeMinutes(TimeSpan duration) =>
        TimeSpan.FromTicks(duration.Ticks - duration.Ticks % TimeSpan.TicksPerMinute);

    /// <summary>
    /// How a deadline is written: an instant exactly at the start of an office period is the same point of office time as
    /// the end of the period before it, and a deadline is written as that end (07:30 on Tuesday is 17:00 on the previous
    /// working day; 13:00 is 11:30). Any other instant is returned unchanged. So an appointment never falls at the minute an
    /// office opens, when nothing can have been done.
    /// </summary>
    public DateTime AsDeadline(DateTime local)
    {
        CheckLocal(local);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (!IsWorkingDay(date) || local.TimeOfDay != time.ToTimeSpan()) return local;
        for (var i = 0; i < Data.OfficeHours.Count; i++)
        {
            if (Data.OfficeHours[i].Start != time) continue;
            return i > 0 ? date.ToDateTime(Data.OfficeHours[i - 1].End) : ClosingOf(PreviousWorkingDay(date));
        }
        return local;
    }

    /// <summary>Adds office hours to a local time (see <see cref="AddWorkingTime(DateTime, TimeSpan)"/>).</summary>
    public DateTime AddWorkingHours(DateTime local, double hours) => AddWorkingTime(local, TimeSpan.FromHours(hours));

    /// <summary>Adds office time to an instant (see <see cref="AddWorkingTime(DateTime, TimeSpan)"/>); answers in +07:00.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset instant, TimeSpan duration) =>
        VietnamTime.FromLocal(AddWorkingTime(VietnamTime.ToLocal(instant), duration));

    /// <summary>
    /// Office time between two local times: the length of office time inside [<paramref name="from"/>, <paramref name="to"/>),
    /// negative when <paramref name="to"/> is earlier. Use it for "time counted" while a dossier's clock runs: time spent
    /// waiting for the applicant is simply not added.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        CheckLocal(from);
        CheckLocal(to);
        if (to < from) return -WorkingTimeBetween(to, from);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(from); date <= DateOnly.FromDateTime(to); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date)) continue;
            foreach (var p in Data.OfficeHours)
            {
                var start = Max(date.ToDateTime(p.Start), from);
                var end = Min(date.ToDateTime(p.End), to);
                if (end > start) total += end - start;
            }
        }
        return total;
    }

    /// <summary>Office time between two instants (see <see cref="WorkingTimeBetween(DateTime, DateTime)"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        WorkingTimeBetween(VietnamTime.ToLocal(from), VietnamTime.ToLocal(to));

    private static DateTime Max(DateTime a, DateTime b) => a.Ticks >= b.Ticks ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a.Ticks <= b.Ticks ? a : b;

    private static void CheckLocal(DateTime local)
    {
        if (local.Kind == DateTimeKind.Utc)
            throw new ArgumentException("A UTC DateTime was given where Vietnamese local time is expected; pass a DateTimeOffset or VietnamTime.ToLocal(instant).", nameof(local));
    }
}
