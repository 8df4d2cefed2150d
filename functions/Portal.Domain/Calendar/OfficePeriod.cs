namespace Portal.Domain.Calendar;

/// <summary>One period of office hours in a working day (giờ làm việc), e.g. 07:30–11:30.</summary>
/// <param name="Start">Opening time (inclusive).</param>
/// <param name="End">Closing time (exclusive for receipt, inclusive as a deadline).</param>
public readonly record struct OfficePeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>Length of the period.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Whether a time of day falls inside the period (start inclusive, end exclusive).</summary>
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    /// <inheritdoc />
    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
