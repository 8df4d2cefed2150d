namespace Portal.Domain.Calendar;

/// <summary>Why a day is not a working day for civil servants (công chức, viên chức).</summary>
public enum HolidayKind
{
    /// <summary>Ngày lễ, Tết: a public holiday set by the Labour Code 2019, art. 112 (kept even when it falls on a weekend).</summary>
    Holiday,
    /// <summary>Nghỉ bù: a day off given because a holiday fell on the weekly day off (Labour Code 2019, art. 111(3)).</summary>
    Compensatory,
    /// <summary>Hoán đổi: a working day turned into a day off, worked back on a Saturday (see <see cref="WorkingWeekendDay"/>).</summary>
    Swap,
}
