namespace Portal.Domain.Lifecycle;

/// <summary>Something someone (or a timer) asks of a dossier. <see cref="DossierDecider.Decide"/> accepts or refuses it.</summary>
public abstract record DossierCommand
{
    /// <summary>Who asks (officer id, citizen subject, or "system").</summary>
    public required string Actor { get; init; }
    /// <summary>In which role they ask.</summary>
    public required OfficerRole Role { get; init; }
    /// <summary>Why, where the law needs a reason (refusal, supplement, rejection, extension, stop, withdrawal).</summary>
    public string? Reason { get; init; }
}

/// <summary>Tiếp nhận: the desk accepts the complete dossier; the clock starts.</summary>
public sealed record Receive : DossierCommand;
/// <summary>The fee was paid (at the counter, or confirmed by the payment gateway).</summary>
public sealed record ConfirmPayment : DossierCommand;
/// <summary>Từ chối tiếp nhận: not eligible (reason required).</summary>
public sealed record RefuseAtIntake : DossierCommand;
/// <summary>Yêu cầu bổ sung: everything missing, listed at once (reason required); the clock stops.</summary>
public sealed record RequestSupplement : DossierCommand
{
    /// <summary>The missing or wrong documents/items, all of them.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
/// <summary>The applicant supplies what was asked; the clock restarts.</summary>
public sealed record ProvideSupplement : DossierCommand
{
    /// <summary>SHA-256 of the documents supplied.</summary>
    public IReadOnlyList<string> DocumentHashes { get; init; } = [];
}
/// <summary>Chuyển bước: the current step is done; the dossier moves to the next step.</summary>
public sealed record Forward : DossierCommand;
/// <summary>Phê duyệt: approved on the merits.</summary>
public sealed record Approve : DossierCommand;
/// <summary>Không giải quyết: rejected on the merits (reason required).</summary>
public sealed record Reject : DossierCommand;
/// <summary>Gia hạn: a new appointment date, with an apology (reason required).</summary>
public sealed record Extend : DossierCommand
{
    /// <summary>Working days added to the appointment date.</summary>
    public int WorkingDays { get; init; }
}
/// <summary>Dừng xử lý (reason required).</summary>
public sealed record StopProcessing : DossierCommand;
/// <summary>The signed result document is issued.</summary>
public sealed record IssueResult : DossierCommand
{
    /// <summary>SHA-256 of the result PDF.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Blob name of the result PDF.</summary>
    public required string Blob { get; init; }
}
/// <summary>Trả kết quả: handed to the applicant.</summary>
public sealed record ReturnResult : DossierCommand
{
    /// <summary>How the result was returned.</summary>
    public ReturnChannel Channel { get; init; } = ReturnChannel.Desk;
}
/// <summary>Rút hồ sơ: the applicant withdraws (reason required).</summary>
public sealed record Withdraw : DossierCommand;
/// <summary>A durable timer came due.</summary>
public sealed record FireTimer : DossierCommand
{
    /// <summary>Which timer.</summary>
    public required DossierTimerKind Kind { get; init; }
    /// <summary>The instant it was set for; a timer whose instant the state no longer wants does nothing.</summary>
    public required DateTimeOffset DueAt { get; init; }
}

/// <summary>How a result reaches the applicant.</summary>
public enum ReturnChannel
{
    /// <summary>At the one-stop-shop desk.</summary>
    Desk,
    /// <summary>By public postal service (bưu chính công ích).</summary>
    Post,
    /// <summary>Online, as an electronic document.</summary>
    Online,
}

/// <summary>The timers a dossier can have.</summary>
public enum DossierTimerKind
{
    /// <summary>The current step's due time.</summary>
    StepDue,
    /// <summary>A warning before the appointment date (default one working day before).</summary>
    AppointmentWarning,
    /// <summary>The appointment date: not finished by then is overdue.</summary>
    Appointment,
    /// <summary>The applicant's allowed time to supplement.</summary>
    SupplementDue,
    /// <summary>The time allowed to pay the fee before processing.</summary>
    PaymentDue,
    /// <summary>Ask the applicant to rate the service after the result is returned.</summary>
    RatingRequest,
}
