using Portal.Domain.Calendar;

namespace Portal.Domain.Lifecycle;

/// <summary>Rules that may change by decision of the province (kept as data, not code).</summary>
/// <param name="SupplementWorkingDays">Time the applicant has to supplement.</param>
/// <param name="WarningWorkingDays">How many working days before the appointment the apology is drafted.</param>
/// <param name="ProposedExtensionWorkingDays">Extension proposed in the drafted apology.</param>
/// <param name="MaxExtensionWorkingDays">Longest extension accepted at once.</param>
/// <param name="RatingDelay">How long after the return the rating is requested.</param>
/// <param name="PaymentWorkingDays">Time allowed to pay the fee before processing.</param>
public sealed record LifecycleSettings(
    int SupplementWorkingDays = 15,
    int WarningWorkingDays = 1,
    int ProposedExtensionWorkingDays = 3,
    int MaxExtensionWorkingDays = 30,
    TimeSpan? RatingDelay = null,
    int PaymentWorkingDays = 5)
{
    /// <summary>The defaults.</summary>
    public static LifecycleSettings Default { get; } = new();

    /// <summary>Delay before the rating request (default one hour).</summary>
    public TimeSpan RatingRequestDelay => RatingDelay ?? TimeSpan.FromHours(1);
}

/// <summary>What a decision may consult besides the state: the clock, the calendar and the procedure's rules.</summary>
/// <param name="Now">The current instant.</param>
/// <param name="Calendar">Working days and hours.</param>
/// <param name="Plan">The procedure's processing plan.</param>
/// <param name="ProcessingTime">The procedure's processing time.</param>
/// <param name="FeeVnd">Fee to pay before processing (0 = none).</param>
/// <param name="Settings">Province-wide rules.</param>
public sealed record DecisionContext(DateTimeOffset Now, WorkingCalendar Calendar, ProcessingPlan Plan, ProcessingTime ProcessingTime,
    long FeeVnd, LifecycleSettings Settings);
