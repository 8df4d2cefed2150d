namespace Portal.Domain.Calendar;

/// <summary>A weekly day off that is worked (làm bù) in exchange for a swapped day off.</summary>
/// <param name="Date">The calendar date (local, UTC+07:00).</param>
/// <param name="Name">Vietnamese description, e.g. "Làm bù cho ngày 02/5/2025".</param>
/// <param name="Confirmed">True when checked against an official announcement.</param>
/// <param name="Note">Why it is unconfirmed, or other remarks.</param>
/// <param name="Source">The announcement the entry was checked against.</param>
public sealed record WorkingWeekendDay(DateOnly Date, string Name, bool Confirmed = true, string? Note = null, string? Source = null);
