namespace Portal.Domain.Calendar;

/// <summary>A day on which the one-stop-shop desk is closed besides the weekly days off.</summary>
/// <param name="Date">The calendar date (local, UTC+07:00).</param>
/// <param name="Name">Vietnamese name, e.g. "Tết Nguyên đán Ất Tỵ (mùng 1)".</param>
/// <param name="Kind">Holiday, compensatory day (nghỉ bù) or swapped day (hoán đổi).</param>
/// <param name="Confirmed">True when checked against an official announcement; false for an expected schedule.</param>
/// <param name="Note">Why it is unconfirmed, or other remarks.</param>
/// <param name="Source">The announcement the entry was checked against.</param>
public sealed record DayOff(DateOnly Date, string Name, HolidayKind Kind, bool Confirmed, string? Note = null, string? Source = null);
