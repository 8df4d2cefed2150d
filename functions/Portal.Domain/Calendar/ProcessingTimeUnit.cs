namespace Portal.Domain.Calendar;

/// <summary>The unit of a procedure's processing time (thời hạn giải quyết).</summary>
public enum ProcessingTimeUnit
{
    /// <summary>Ngày làm việc ("workingDays" in the catalogue): weekends and days off do not count.</summary>
    WorkingDays,
    /// <summary>Giờ làm việc ("workingHours"): only office hours of working days count.</summary>
    WorkingHours,
    /// <summary>Ngày (calendar days, "days"): every day counts; a deadline on a day off moves to the next working day.</summary>
    Days,
}
