using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using S = Portal.Domain.Dossiers.DossierStatus;

namespace Portal.Domain.Lifecycle;

/// <summary>
/// The dossier lifecycle as a decider: <see cref="Decide"/> turns a command into events (or a refusal) and
/// <see cref="Evolve"/> folds an event into the state. Both are pure: no I/O, time comes from the context.
/// Which commands are allowed when, and by whom, is <see cref="DossierTransitions"/>; this class adds the
/// arithmetic of the clock (working time, pauses, extensions) and the content of each event.
/// </summary>
public static class DossierDecider
{
    /// <summary>The first event of every dossier.</summary>
    public static Submitted Submit(DateTimeOffset now, string applicant, ProcessingTime time, WorkingCalendar calendar) => new()
    {
        At = now,
        Actor = applicant,
        Role = OfficerRole.Citizen,
        ProvisionalAppointmentAt = AppointmentCalculator.Compute(now, time, calendar),
    };

    /// <summary>Rebuilds the state from a history (the audit trail).</summary>
    public static DossierState Replay(IEnumerable<LifecycleEvent> history)
    {
        DossierState? state = null;
        foreach (var e in history) state = Evolve(state, e);
        return state ?? throw new ArgumentException("A history starts with a Submitted event.", nameof(history));
    }

    /// <summary>Decides what a command does to a dossier in a state.</summary>
    public static Decision Decide(DossierCommand command, DossierState state, DecisionContext ctx)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var name = command.GetType().Name;
        var rows = DossierTransitions.For(name, state.Status);
        if (rows.Count == 0)
        {
            var allowed = DossierTransitions.CommandsIn(state.Status);
            return Decision.Refuse(DecisionErrorKind.NotAllowedNow,
                $"Không thể thực hiện '{name}' khi hồ sơ đang ở trạng thái \"{DossierStatuses.Of(state.Status).Vietnamese}\"." +
                (allowed.Count > 0 ? $" Thao tác được phép lúc này: {string.Join(", ", allowed)}." : " Hồ sơ đã kết thúc."));
        }
        var row = rows[0];
        var step = state.StepIndex >= 0 && state.StepIndex < ctx.Plan.Steps.Count ? ctx.Plan.Steps[state.StepIndex] : null;
        if (row.AtStep is { } kind && step?.Kind != kind)
        {
            return Decision.Refuse(DecisionErrorKind.NotAllowedNow,
                $"Hồ sơ đang ở bước \"{step?.Name ?? "chưa tiếp nhận"}\"; '{name}' chỉ thực hiện ở bước {KindName(kind)}.");
        }
        var roles = row.Roles ?? (step is null ? [] : [step.Role]);
        if (!roles.Contains(command.Role))
        {
            return Decision.Refuse(DecisionErrorKind.WrongRole,
                $"Vai trò {command.Role} không được thực hiện '{name}' ở đây; cần vai trò {string.Join(" hoặc ", roles)}.");
        }
        if (row.ReasonRequired && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Refuse(DecisionErrorKind.ReasonRequired, $"'{name}' phải nêu rõ lý do (theo quy định).", "reason");
        }
        return command switch
        {
            Receive c => DecideReceive(c, state, ctx),
            ConfirmPayment c => Decision.Accept(ReceivedNow(c, ctx)),
            RefuseAtIntake c => Decision.Accept(new RefusedAtIntake { At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason }),
            RequestSupplement c => DecideRequestSupplement(c, state, ctx),
            ProvideSupplement c => DecideProvideSupplement(c, state, ctx),
            Forward c => Decision.Accept(new Forwarded
            {
                At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason,
                FromStep = step!.Id, ToStep = ctx.Plan.Steps[state.StepIndex + 1].Id, StepDueAt = StepDue(state, state.StepIndex + 1, ctx),
            }),
            Approve c => Decision.Accept(new Approved
            {
                At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason,
                ToStep = ctx.Plan.Steps[state.StepIndex + 1].Id, StepDueAt = StepDue(state, state.StepIndex + 1, ctx),
            }),
            Reject c => Decision.Accept(new Rejected { At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason }),
            Extend c => DecideExtend(c, state, ctx),
            StopProcessing c => Decision.Accept(new ProcessingStopped { At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason }),
            IssueResult c => DecideIssueResult(c, state, ctx),
            ReturnResult c => Decision.Accept(new ResultReturned
            {
                At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason, Channel = c.Channel,
                RatingRequestAt = ctx.Now + ctx.Settings.RatingRequestDelay,
            }),
            Withdraw c => Decision.Accept(new Withdrawn { At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason }),
            FireTimer c => DecideTimer(c, state, ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(command), name, "Unknown command."),
        };
    }

    private static Decision DecideReceive(Receive c, DossierState state, DecisionContext ctx) =>
        ctx.FeeVnd > 0
            ? Decision.Accept(new PaymentRequested
            {
                At = ctx.Now, Actor = c.Actor, Role = c.Role, AmountVnd = ctx.FeeVnd,
                PaymentDueAt = AddWorkingDaysAtClose(ctx.Now, ctx.Settings.PaymentWorkingDays, ctx.Calendar),
            })
            : Decision.Accept(ReceivedNow(c, ctx));

    private static Received ReceivedNow(DossierCommand c, DecisionContext ctx)
    {
        var start = AppointmentCalculator.EffectiveReceipt(ctx.Now, ctx.ProcessingTime, ctx.Calendar);
        var appointment = AppointmentCalculator.Compute(ctx.Now, ctx.ProcessingTime, ctx.Calendar);
        // The same span the state keeps as Budget (ShareDue reads it as clock time from the start), not its working time.
        var budget = appointment - start;
        return new Received
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason,
            ClockStartAt = start, AppointmentAt = appointment,
            StepDueAt = ShareDue(start, budget, TimeSpan.Zero, ctx.Plan.CumulativeShare(0), ctx.Calendar),
        };
    }

    private static Decision DecideRequestSupplement(RequestSupplement c, DossierState state, DecisionContext ctx)
    {
        var missing = c.Missing.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (missing.Count == 0)
        {
            return Decision.Refuse(DecisionErrorKind.InvalidInput,
                "Liệt kê đầy đủ, một lần, mọi giấy tờ hoặc nội dung cần bổ sung.", "missing");
        }
        var due = VietnamTime.FromLocal(ctx.Calendar.ClosingOf(ctx.Calendar.AddWorkingDays(DateOnly.FromDateTime(VietnamTime.ToLocal(ctx.Now)),
            ctx.Settings.SupplementWorkingDays)));
        return Decision.Accept(new SupplementRequested
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason, Missing = missing, SupplementDueAt = due,
            Ordinal = state.SupplementRequests + 1,
        });
    }

    private static Decision DecideProvideSupplement(ProvideSupplement c, DossierState state, DecisionContext ctx)
    {
        // Only time while the clock was running is ever counted: before receipt there is nothing to move.
        // Counted in whole minutes, as deadlines are (WorkingCalendar.MoveDeadline).
        var paused = state.ClockStartAt is null ? TimeSpan.Zero
            : WorkingCalendar.WholeMinutes(ctx.Calendar.WorkingTimeBetween(state.PausedAt!.Value, ctx.Now));
        return Decision.Accept(new SupplementProvided
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason, DocumentHashes = c.DocumentHashes, PausedWorkingTime = paused,
            AppointmentAt = state.AppointmentAt is { } a ? MoveBy(a, paused, ctx.Calendar) : null,
            StepDueAt = state.StepDueAt is { } d ? MoveBy(d, paused, ctx.Calendar) : null,
        });
    }

    // A pause without (a whole minute of) office time in it leaves the date where it was; a moved date never lands at the
    // opening minute of a day (WorkingCalendar.MoveDeadline).
    private static DateTimeOffset MoveBy(DateTimeOffset due, TimeSpan paused, WorkingCalendar calendar) => calendar.MoveDeadline(due, paused);

    private static Decision DecideExtend(Extend c, DossierState state, DecisionContext ctx)
    {
        if (c.WorkingDays < 1 || c.WorkingDays > ctx.Settings.MaxExtensionWorkingDays)
        {
            return Decision.Refuse(DecisionErrorKind.InvalidInput,
                $"Số ngày gia hạn phải từ 1 đến {ctx.Settings.MaxExtensionWorkingDays} ngày làm việc.", "workingDays");
        }
        var from = state.AppointmentAt!.Value;
        var to = AddWorkingDaysAtClose(from, c.WorkingDays, ctx.Calendar);
        // The remaining work gets the extra time: the current step's due time moves by the working time added.
        var added = ctx.Calendar.WorkingTimeBetween(from, to);
        return Decision.Accept(new Extended
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason, PreviousAppointmentAt = from, AppointmentAt = to,
            AddedWorkingTime = added,
            StepDueAt = state.StepDueAt is { } d ? MoveBy(d, added, ctx.Calendar) : null,
        });
    }

    private static Decision DecideIssueResult(IssueResult c, DossierState state, DecisionContext ctx)
    {
        if (c.Sha256.Length != 64 || !c.Sha256.All(char.IsAsciiHexDigit))
        {
            return Decision.Refuse(DecisionErrorKind.InvalidInput, "Mã băm SHA-256 của kết quả không hợp lệ.", "sha256");
        }
        var next = state.StepIndex + 1;
        return Decision.Accept(new ResultIssued
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, Reason = c.Reason, Sha256 = c.Sha256.ToLowerInvariant(), Blob = c.Blob,
            ToStep = ctx.Plan.Steps[next].Id, StepDueAt = StepDue(state, next, ctx),
        });
    }

    private static Decision DecideTimer(FireTimer c, DossierState state, DecisionContext ctx)
    {
        // A timer the state no longer wants (the dossier moved on, dates moved) does nothing. (The sweep only
        // delivers timers whose time has come: TimerStore.DueAsync.)
        if (!DossierTimers.Due(state, ctx.Calendar, ctx.Settings).Contains(new DossierTimer(c.Kind, c.DueAt))) return Decision.Accept();
        LifecycleEvent e = c.Kind switch
        {
            DossierTimerKind.StepDue => new StepOverdue { At = ctx.Now, Actor = c.Actor, Role = c.Role, Step = ctx.Plan.Steps[state.StepIndex].Id },
            DossierTimerKind.AppointmentWarning => Apology(c, state, ctx),
            DossierTimerKind.Appointment => new BecameOverdue { At = ctx.Now, Actor = c.Actor, Role = c.Role },
            DossierTimerKind.SupplementDue => new SupplementOverdue { At = ctx.Now, Actor = c.Actor, Role = c.Role },
            DossierTimerKind.RatingRequest => new RatingRequested { At = ctx.Now, Actor = c.Actor, Role = c.Role },
            DossierTimerKind.PaymentDue => new PaymentOverdue { At = ctx.Now, Actor = c.Actor, Role = c.Role },
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unknown timer."),
        };
        return Decision.Accept(e);
    }

    private static ApologyDrafted Apology(FireTimer c, DossierState state, DecisionContext ctx)
    {
        var appointment = state.AppointmentAt!.Value;
        var proposed = AddWorkingDaysAtClose(appointment, ctx.Settings.ProposedExtensionWorkingDays, ctx.Calendar);
        var text = $"Cơ quan chân thành xin lỗi Ông/Bà vì hồ sơ chưa giải quyết xong đúng hẹn {VietnamTime.ToLocal(appointment):dd/MM/yyyy}. " +
            $"Lý do: [nêu rõ lý do chậm trễ]. Cơ quan hẹn lại ngày trả kết quả: {VietnamTime.ToLocal(proposed):HH:mm 'ngày' dd/MM/yyyy}.";
        return new ApologyDrafted
        {
            At = ctx.Now, Actor = c.Actor, Role = c.Role, AppointmentAt = appointment, ProposedAppointmentAt = proposed, DraftText = text,
        };
    }

    /// <summary>Folds one event into the state.</summary>
    public static DossierState Evolve(DossierState? state, LifecycleEvent e)
    {
        if (state is null)
        {
            return e is Submitted s
                ? new DossierState { Status = S.Submitted, SubmittedAt = s.At, ProvisionalAppointmentAt = s.ProvisionalAppointmentAt, Version = 1 }
                : throw new ArgumentException($"A history starts with Submitted, not {e.GetType().Name}.", nameof(e));
        }
        var next = e switch
        {
            Submitted => throw new ArgumentException("Submitted can only be the first event.", nameof(e)),
            PaymentRequested p => state with { Status = S.AwaitingPayment, FeeDueVnd = p.AmountVnd, PaymentDueAt = p.PaymentDueAt },
            Received r => state with
            {
                Status = S.Received, ReceivedAt = r.At, ClockStartAt = r.ClockStartAt, AppointmentAt = r.AppointmentAt, FeeDueVnd = 0,
                Budget = r.AppointmentAt - r.ClockStartAt, StepIndex = 0, StepStartedAt = r.At, StepDueAt = r.StepDueAt, StepOverdue = false,
            },
            RefusedAtIntake => state with { Status = S.RefusedAtIntake, FinishedAt = e.At, LastReason = e.Reason },
            SupplementRequested q => state with
            {
                Status = S.SupplementRequested, ResumeStatus = state.Status, PausedAt = q.At, SupplementDueAt = q.SupplementDueAt,
                MissingItems = q.Missing, SupplementRequests = q.Ordinal, SupplementOverdue = false, LastReason = q.Reason,
                ProcessingSupplementRequests = state.ProcessingSupplementRequests + (state.ClockStartAt is null ? 0 : 1),
            },
            SupplementProvided p => state with
            {
                Status = state.ResumeStatus ?? S.Submitted, ResumeStatus = null, PausedAt = null, SupplementDueAt = null, MissingItems = [],
                PausedWorkingTime = state.PausedWorkingTime + p.PausedWorkingTime,
                AppointmentAt = p.AppointmentAt ?? state.AppointmentAt, StepDueAt = p.StepDueAt ?? state.StepDueAt,
                // The apology was for the old date; a moved date gets its own warning (an unmoved one keeps its apology).
                ApologyDraft = p.AppointmentAt is { } moved && moved != state.AppointmentAt ? null : state.ApologyDraft,
            },
            Forwarded f => state with { Status = S.InProgress, StepIndex = state.StepIndex + 1, StepStartedAt = f.At, StepDueAt = f.StepDueAt, StepOverdue = false },
            Approved a => state with { Status = S.Approved, StepIndex = state.StepIndex + 1, StepStartedAt = a.At, StepDueAt = a.StepDueAt, StepOverdue = false },
            Rejected => state with { Status = S.Rejected, FinishedAt = e.At, LastReason = e.Reason },
            Extended x => state with
            {
                Status = S.Extended, AppointmentAt = x.AppointmentAt, Extensions = state.Extensions + 1, ApologyDraft = null, Overdue = state.Overdue,
                LastReason = x.Reason, ExtendedWorkingTime = state.ExtendedWorkingTime + x.AddedWorkingTime,
                StepDueAt = x.StepDueAt ?? state.StepDueAt, StepOverdue = x.StepDueAt is null && state.StepOverdue,
            },
            ProcessingStopped => state with { Status = S.ProcessingStopped, FinishedAt = e.At, LastReason = e.Reason },
            ResultIssued r => state with
            {
                Status = S.ResultIssued, ResultSha256 = r.Sha256, ResultBlob = r.Blob, FinishedAt = r.At,
                StepIndex = state.StepIndex + 1, StepStartedAt = r.At, StepDueAt = r.StepDueAt, StepOverdue = false,
            },
            ResultReturned r => state with { Status = S.ResultReturned, ReturnChannel = r.Channel, RatingRequestAt = r.RatingRequestAt, StepDueAt = null },
            Withdrawn => state with { Status = S.Withdrawn, FinishedAt = e.At, LastReason = e.Reason },
            StepOverdue => state with { StepOverdue = true },
            ApologyDrafted d => state with { ApologyDraft = d },
            BecameOverdue => state with { Overdue = true },
            SupplementOverdue => state with { SupplementOverdue = true },
            RatingRequested => state with { RatingRequested = true },
            PaymentOverdue => state with { PaymentOverdue = true },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown event."),
        };
        // The last reason is the current one: any event that gives a reason replaces it, and a supplement that arrives
        // answers the request, so the request's reason goes (the citizen's note, if any, takes its place).
        var lastReason = e switch
        {
            SupplementProvided => string.IsNullOrWhiteSpace(e.Reason) ? null : e.Reason,
            _ when !string.IsNullOrWhiteSpace(e.Reason) => e.Reason,
            _ => next.LastReason,
        };
        return next with { Version = state.Version + 1, LastReason = lastReason };
    }

    /// <summary>Due time of step <paramref name="index"/>: its cumulative share of the working-time budget, moved by pauses.</summary>
    private static DateTimeOffset StepDue(DossierState state, int index, DecisionContext ctx)
    {
        var share = ctx.Plan.CumulativeShare(index);
        if (state.ClockStartAt is not { } start) return ctx.Now;
        var due = ShareDue(start, state.Budget, state.PausedWorkingTime + state.ExtendedWorkingTime, share, ctx.Calendar);
        // Never later than the (possibly extended) appointment for the last steps.
        return state.AppointmentAt is { } appointment && due > appointment ? appointment : due;
    }

    private static DateTimeOffset ShareDue(DateTimeOffset start, TimeSpan budget, TimeSpan paused, decimal share, WorkingCalendar calendar)
    {
        var workingBudget = calendar.WorkingTimeBetween(start, start + budget);
        // Whole minutes, as every deadline (WorkingCalendar.MoveDeadline): a share never leaves seconds behind.
        var offset = WorkingCalendar.WholeMinutes(TimeSpan.FromTicks((long)(workingBudget.Ticks * share)) + paused);
        return VietnamTime.FromLocal(calendar.AsDeadline(VietnamTime.ToLocal(calendar.AddWorkingTime(start, offset))));
    }

    private static DateTimeOffset AddWorkingDaysAtClose(DateTimeOffset from, int days, WorkingCalendar calendar)
    {
        var date = calendar.AddWorkingDays(DateOnly.FromDateTime(VietnamTime.ToLocal(from)), days);
        return VietnamTime.FromLocal(calendar.ClosingOf(date));
    }

    private static string KindName(StepKind kind) => kind switch
    {
        StepKind.Examine => "thẩm định",
        StepKind.Approve => "phê duyệt",
        StepKind.Sign => "ký ban hành",
        StepKind.Return => "trả kết quả",
        _ => kind.ToString(),
    };
}
