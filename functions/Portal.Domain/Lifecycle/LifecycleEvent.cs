using System.Text.Json.Serialization;

namespace Portal.Domain.Lifecycle;

/// <summary>
/// A fact in a dossier's history. Events carry every computed value (dates, steps), so
/// <see cref="DossierDecider.Evolve"/> needs no calendar and replaying a history always gives the same state.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Submitted), nameof(Submitted))]
[JsonDerivedType(typeof(Received), nameof(Received))]
[JsonDerivedType(typeof(PaymentRequested), nameof(PaymentRequested))]
[JsonDerivedType(typeof(RefusedAtIntake), nameof(RefusedAtIntake))]
[JsonDerivedType(typeof(SupplementRequested), nameof(SupplementRequested))]
[JsonDerivedType(typeof(SupplementProvided), nameof(SupplementProvided))]
[JsonDerivedType(typeof(Forwarded), nameof(Forwarded))]
[JsonDerivedType(typeof(Approved), nameof(Approved))]
[JsonDerivedType(typeof(Rejected), nameof(Rejected))]
[JsonDerivedType(typeof(Extended), nameof(Extended))]
[JsonDerivedType(typeof(ProcessingStopped), nameof(ProcessingStopped))]
[JsonDerivedType(typeof(ResultIssued), nameof(ResultIssued))]
[JsonDerivedType(typeof(ResultReturned), nameof(ResultReturned))]
[JsonDerivedType(typeof(Withdrawn), nameof(Withdrawn))]
[JsonDerivedType(typeof(StepOverdue), nameof(StepOverdue))]
[JsonDerivedType(typeof(ApologyDrafted), nameof(ApologyDrafted))]
[JsonDerivedType(typeof(BecameOverdue), nameof(BecameOverdue))]
[JsonDerivedType(typeof(SupplementOverdue), nameof(SupplementOverdue))]
[JsonDerivedType(typeof(RatingRequested), nameof(RatingRequested))]
[JsonDerivedType(typeof(PaymentOverdue), nameof(PaymentOverdue))]
public abstract record LifecycleEvent
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Who did it.</summary>
    public required string Actor { get; init; }
    /// <summary>In which role.</summary>
    public required OfficerRole Role { get; init; }
    /// <summary>Why, where a reason was given.</summary>
    public string? Reason { get; init; }
}

/// <summary>Submitted online (mới đăng ký); the appointment shown is provisional until receipt.</summary>
public sealed record Submitted : LifecycleEvent
{
    /// <summary>Provisional appointment date if received now.</summary>
    public required DateTimeOffset ProvisionalAppointmentAt { get; init; }
}
/// <summary>Received by the desk: the clock starts.</summary>
public sealed record Received : LifecycleEvent
{
    /// <summary>When the processing time starts counting (after cut-off rules).</summary>
    public required DateTimeOffset ClockStartAt { get; init; }
    /// <summary>Appointment date (ngày hẹn trả).</summary>
    public required DateTimeOffset AppointmentAt { get; init; }
    /// <summary>Due time of the first step.</summary>
    public required DateTimeOffset StepDueAt { get; init; }
}
/// <summary>Received, but the fee must be paid before processing.</summary>
public sealed record PaymentRequested : LifecycleEvent
{
    /// <summary>Amount due in VND.</summary>
    public required long AmountVnd { get; init; }
    /// <summary>Until when the fee may be paid (null in histories written before payment deadlines existed).</summary>
    public DateTimeOffset? PaymentDueAt { get; init; }
}
/// <summary>Refused at intake.</summary>
public sealed record RefusedAtIntake : LifecycleEvent;
/// <summary>Supplement requested: the clock stops.</summary>
public sealed record SupplementRequested : LifecycleEvent
{
    /// <summary>Everything missing.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
    /// <summary>Until when the applicant may supplement.</summary>
    public required DateTimeOffset SupplementDueAt { get; init; }
    /// <summary>1 for the first request; 2 or more counts as late in the index.</summary>
    public required int Ordinal { get; init; }
}
/// <summary>Supplement provided: the clock restarts and every due date moves by the paused working time.</summary>
public sealed record SupplementProvided : LifecycleEvent
{
    /// <summary>Documents supplied.</summary>
    public IReadOnlyList<string> DocumentHashes { get; init; } = [];
    /// <summary>Working time the clock was stopped.</summary>
    public required TimeSpan PausedWorkingTime { get; init; }
    /// <summary>The moved appointment date (null if the clock had not started).</summary>
    public DateTimeOffset? AppointmentAt { get; init; }
    /// <summary>The moved due time of the current step.</summary>
    public DateTimeOffset? StepDueAt { get; init; }
}
/// <summary>Moved to the next step.</summary>
public sealed record Forwarded : LifecycleEvent
{
    /// <summary>Step finished.</summary>
    public required string FromStep { get; init; }
    /// <summary>Step now current.</summary>
    public required string ToStep { get; init; }
    /// <summary>Due time of the new step.</summary>
    public required DateTimeOffset StepDueAt { get; init; }
}
/// <summary>Approved; moves to the signing step.</summary>
public sealed record Approved : LifecycleEvent
{
    /// <summary>Step now current.</summary>
    public required string ToStep { get; init; }
    /// <summary>Due time of the new step.</summary>
    public required DateTimeOffset StepDueAt { get; init; }
}
/// <summary>Rejected on the merits.</summary>
public sealed record Rejected : LifecycleEvent;
/// <summary>Extended with an apology (phiếu xin lỗi và hẹn lại ngày trả).</summary>
public sealed record Extended : LifecycleEvent
{
    /// <summary>The previous appointment date.</summary>
    public required DateTimeOffset PreviousAppointmentAt { get; init; }
    /// <summary>The new appointment date.</summary>
    public required DateTimeOffset AppointmentAt { get; init; }
    /// <summary>Working time added by the extension (zero in histories written before it was recorded).</summary>
    public TimeSpan AddedWorkingTime { get; init; }
    /// <summary>The current step's due time, moved by the added time.</summary>
    public DateTimeOffset? StepDueAt { get; init; }
}
/// <summary>Processing stopped.</summary>
public sealed record ProcessingStopped : LifecycleEvent;
/// <summary>Result issued (signed PDF stored).</summary>
public sealed record ResultIssued : LifecycleEvent
{
    /// <summary>SHA-256 of the result.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Blob name.</summary>
    public required string Blob { get; init; }
    /// <summary>Step now current (return).</summary>
    public required string ToStep { get; init; }
    /// <summary>Due time of the return step.</summary>
    public required DateTimeOffset StepDueAt { get; init; }
}
/// <summary>Result returned to the applicant.</summary>
public sealed record ResultReturned : LifecycleEvent
{
    /// <summary>How.</summary>
    public required ReturnChannel Channel { get; init; }
    /// <summary>When to ask for a rating.</summary>
    public required DateTimeOffset RatingRequestAt { get; init; }
}
/// <summary>Withdrawn by the applicant.</summary>
public sealed record Withdrawn : LifecycleEvent;
/// <summary>A step passed its due time unfinished.</summary>
public sealed record StepOverdue : LifecycleEvent
{
    /// <summary>The step.</summary>
    public required string Step { get; init; }
}
/// <summary>
/// The appointment is near and the dossier is not finished: an apology letter is drafted for the responsible
/// officer (reason to fill in, new date proposed) and the dossier is flagged in every inbox.
/// </summary>
public sealed record ApologyDrafted : LifecycleEvent
{
    /// <summary>The appointment that will be missed.</summary>
    public required DateTimeOffset AppointmentAt { get; init; }
    /// <summary>The new appointment date proposed.</summary>
    public required DateTimeOffset ProposedAppointmentAt { get; init; }
    /// <summary>Draft text with a placeholder for the reason.</summary>
    public required string DraftText { get; init; }
}
/// <summary>The appointment date passed unfinished: late (trễ hạn).</summary>
public sealed record BecameOverdue : LifecycleEvent;
/// <summary>The applicant did not supplement in time.</summary>
public sealed record SupplementOverdue : LifecycleEvent;
/// <summary>The fee was not paid in the time allowed.</summary>
public sealed record PaymentOverdue : LifecycleEvent;
/// <summary>The applicant was asked to rate the service.</summary>
public sealed record RatingRequested : LifecycleEvent;
