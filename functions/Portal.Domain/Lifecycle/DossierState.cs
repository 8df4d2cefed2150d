using Portal.Domain.Dossiers;

namespace Portal.Domain.Lifecycle;

/// <summary>
/// Where a dossier is in its legal life, as <see cref="DossierDecider.Evolve"/> folds it from the history.
/// Immutable; every change is a new value.
/// </summary>
public sealed record DossierState
{
    /// <summary>Current status.</summary>
    public required DossierStatus Status { get; init; }
    /// <summary>Number of events folded in (the history's length).</summary>
    public int Version { get; init; }
    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>Appointment shown before receipt.</summary>
    public DateTimeOffset? ProvisionalAppointmentAt { get; init; }
    /// <summary>When the desk received it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>When the processing time started counting.</summary>
    public DateTimeOffset? ClockStartAt { get; init; }
    /// <summary>Current appointment date (moved by pauses and extensions).</summary>
    public DateTimeOffset? AppointmentAt { get; init; }
    /// <summary>Time from the clock start to the appointment set at receipt (a clock span; the office time inside it is
    /// the processing time).</summary>
    public TimeSpan Budget { get; init; }
    /// <summary>Index of the current step in the plan (-1 before receipt).</summary>
    public int StepIndex { get; init; } = -1;
    /// <summary>When the current step started.</summary>
    public DateTimeOffset? StepStartedAt { get; init; }
    /// <summary>When the current step is due.</summary>
    public DateTimeOffset? StepDueAt { get; init; }
    /// <summary>Whether the current step passed its due time.</summary>
    public bool StepOverdue { get; init; }
    /// <summary>Status to go back to when the supplement arrives.</summary>
    public DossierStatus? ResumeStatus { get; init; }
    /// <summary>When the clock stopped for the current supplement request.</summary>
    public DateTimeOffset? PausedAt { get; init; }
    /// <summary>Until when the applicant may supplement.</summary>
    public DateTimeOffset? SupplementDueAt { get; init; }
    /// <summary>The items asked for in the open supplement request.</summary>
    public IReadOnlyList<string> MissingItems { get; init; } = [];
    /// <summary>Whether the applicant let the supplement time pass.</summary>
    public bool SupplementOverdue { get; init; }
    /// <summary>Working time the clock has been stopped in total (never counted).</summary>
    public TimeSpan PausedWorkingTime { get; init; }
    /// <summary>How many supplement requests were made (a second one counts as late).</summary>
    public int SupplementRequests { get; init; }
    /// <summary>Whether the appointment date passed unfinished.</summary>
    public bool Overdue { get; init; }
    /// <summary>The apology drafted before the appointment, if it will be missed.</summary>
    public ApologyDrafted? ApologyDraft { get; init; }
    /// <summary>Working time added by extensions (moves the due times of the remaining steps).</summary>
    public TimeSpan ExtendedWorkingTime { get; init; }
    /// <summary>How many extensions were granted.</summary>
    public int Extensions { get; init; }
    /// <summary>Fee awaiting payment, in VND.</summary>
    public long FeeDueVnd { get; init; }
    /// <summary>Until when the fee may be paid.</summary>
    public DateTimeOffset? PaymentDueAt { get; init; }
    /// <summary>Whether the time to pay passed.</summary>
    public bool PaymentOverdue { get; init; }
    /// <summary>SHA-256 of the issued result.</summary>
    public string? ResultSha256 { get; init; }
    /// <summary>Blob of the issued result.</summary>
    public string? ResultBlob { get; init; }
    /// <summary>When processing finished (result, rejection, refusal, stop, withdrawal).</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>How the result was returned.</summary>
    public ReturnChannel? ReturnChannel { get; init; }
    /// <summary>When to ask for a rating.</summary>
    public DateTimeOffset? RatingRequestAt { get; init; }
    /// <summary>Whether the rating was requested.</summary>
    public bool RatingRequested { get; init; }
    /// <summary>The current reason: the one given with the latest event that gave one (refusal, supplement request, an
    /// officer's note, extension, rejection, stop, withdrawal); cleared when the supplement it asked for arrives.</summary>
    public string? LastReason { get; init; }

    /// <summary>Supplement requests made after receipt, while the processing time ran (the ones the lateness rule counts).</summary>
    public int ProcessingSupplementRequests { get; init; }

    /// <summary>
    /// Late for the quality index: overdue, or a second supplement request during processing (Decree 118/2025).
    /// A request at the desk before receipt is about completeness at intake and does not count.
    /// </summary>
    public bool Late => Overdue || ProcessingSupplementRequests > 1;

    /// <summary>Whether nothing more happens but a rating (terminal for processing).</summary>
    public bool IsClosed => Status is DossierStatus.RefusedAtIntake or DossierStatus.Rejected or DossierStatus.ProcessingStopped
        or DossierStatus.ResultReturned or DossierStatus.Withdrawn;

    /// <summary>Whether processing is finished: no lateness can accrue any more.</summary>
    public bool IsFinished => IsClosed || Status is DossierStatus.ResultIssued;
}
