using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Calendar.RealCalendar;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// The processing clock: it starts at receipt (or payment), stops while the applicant supplements, and moves the dates by
/// exactly the working time waited; extensions set a new date at office close. Ten working days, 07:30-11:30 and
/// 13:00-17:00. Received on Monday 23/11/2026 at 09:00, the budget is 86.5 working hours and the appointment is
/// Monday 7/12 at 17:00; the first step (60 %) is due on Tuesday 1/12 at 14:24.
/// </summary>
public class DossierClockTests
{
    private static readonly DateTimeOffset Monday9 = At(2026, 11, 23, 9, 0);
    private static readonly DateTimeOffset Appointment = At(2026, 12, 7, 17, 0);
    private static readonly DateTimeOffset FirstStepDue = At(2026, 12, 1, 14, 24);

    private static DossierHistory ReceivedOnMonday9() => DossierHistory.SubmittedAt(Givens.SubmittedAt).Then(Receive(), Monday9);

    [Fact]
    public void Submitted_Receive_ByDesk_StartsTheClock()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt);

        var decision = history.When(Receive(), Monday9);

        var received = Assert.IsType<Received>(Assert.Single(decision.Events));
        Assert.Equal(Monday9, received.ClockStartAt);
        Assert.Equal(Appointment, received.AppointmentAt);
        Assert.Equal(FirstStepDue, received.StepDueAt);
    }

    [Fact]
    public void Submitted_Receive_PutsTheDossierAtTheFirstStepWithTheWholeBudget()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt);

        var state = history.Then(Receive(), Monday9).State;

        Assert.Equal(DossierStatus.Received, state.Status);
        Assert.Equal(Monday9, state.ReceivedAt);
        Assert.Equal(Monday9, state.ClockStartAt);
        Assert.Equal(Appointment, state.AppointmentAt);
        Assert.Equal(0, state.StepIndex);
        Assert.Equal(Monday9, state.StepStartedAt);
        Assert.Equal(TimeSpan.FromHours(86.5), LifecycleDefaults.Calendar.WorkingTimeBetween(state.ClockStartAt!.Value, state.AppointmentAt!.Value));
        Assert.Equal(TimeSpan.Zero, state.PausedWorkingTime);
    }

    [Fact]
    public void Receive_AfterOfficeHoursOnFriday_StartsTheClockAtMondayOpening()
    {
        var history = DossierHistory.SubmittedAt(At(2026, 11, 20, 16, 0));

        var received = Assert.IsType<Received>(Assert.Single(history.When(Receive(), At(2026, 11, 20, 17, 30)).Events));

        Assert.Equal(At(2026, 11, 23, 7, 30), received.ClockStartAt);
        Assert.Equal(Appointment, received.AppointmentAt);
    }

    [Fact]
    public void Steps_AreDueAtTheirCumulativeShareOfTheBudget_AndTheLastAtTheAppointment()
    {
        var history = ReceivedOnMonday9();

        var examined = history.Then(Forward(), At(2026, 11, 25, 9, 0)).State;
        var approved = history.Then(Approve(), At(2026, 11, 26, 9, 0)).State;
        var issued = history.Then(IssueResult(), At(2026, 11, 27, 9, 0)).State;

        Assert.Equal(At(2026, 12, 3, 15, 42), examined.StepDueAt); // 80 % of 86.5 h = 69 h 12 min
        Assert.Equal(At(2026, 12, 4, 16, 21), approved.StepDueAt); // 90 % = 77 h 51 min
        Assert.Equal(Appointment, issued.StepDueAt);
    }

    [Theory]
    [InlineData(1, 2026, 12, 8, 2026, 12, 2)]
    [InlineData(2, 2026, 12, 9, 2026, 12, 3)]
    [InlineData(5, 2026, 12, 14, 2026, 12, 8)]
    public void SupplementProvided_NWorkingDaysAfterTheRequest_MovesAppointmentAndStepDueByThatWorkingTime(
        int workingDays, int appointmentYear, int appointmentMonth, int appointmentDay, int stepYear, int stepMonth, int stepDay)
    {
        var requestedAt = At(2026, 11, 24, 10, 0);
        var providedAt = VietnamTimeOn(LifecycleDefaults.Calendar.AddWorkingDays(new DateOnly(2026, 11, 24), workingDays), 10, 0);
        var history = ReceivedOnMonday9().Then(RequestSupplement(), requestedAt);

        var provided = Assert.IsType<SupplementProvided>(Assert.Single(history.When(ProvideSupplement(), providedAt).Events));

        Assert.Equal(TimeSpan.FromHours(8 * workingDays), provided.PausedWorkingTime);
        Assert.Equal(At(appointmentYear, appointmentMonth, appointmentDay, 17, 0), provided.AppointmentAt);
        Assert.Equal(At(stepYear, stepMonth, stepDay, 14, 24), provided.StepDueAt);
    }

    [Fact]
    public void SupplementProvided_FoldsThePauseIntoTheStateAndResumesWhereItWas()
    {
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 10, 0));

        var state = history.Then(ProvideSupplement(), At(2026, 11, 26, 10, 0)).State;

        Assert.Equal(DossierStatus.Received, state.Status);
        Assert.Equal(TimeSpan.FromHours(16), state.PausedWorkingTime);
        Assert.Equal(At(2026, 12, 9, 17, 0), state.AppointmentAt);
        Assert.Equal(At(2026, 12, 3, 14, 24), state.StepDueAt);
        Assert.Null(state.PausedAt);
        Assert.Null(state.ResumeStatus);
        Assert.Empty(state.MissingItems);
        Assert.Equal(TimeSpan.FromHours(86.5),
            LifecycleDefaults.Calendar.WorkingTimeBetween(state.ClockStartAt!.Value, state.AppointmentAt!.Value) - state.PausedWorkingTime);
    }

    [Fact]
    public void SupplementAwaitedOverTet_CountsOnlyTheWorkingTimeWaited()
    {
        // Received Mon 9/2/2026 09:00: due Mon 2/3 17:00 (Tết 14-22/2 skipped). Waiting Fri 13/2 10:00 -> Tue 24/2 10:00
        // is 5.5 h + 8 h (Mon 23/2) + 2.5 h = 16 working hours, so the appointment moves two working days.
        var history = DossierHistory.SubmittedAt(At(2026, 2, 8, 20, 0)).Then(Receive(), At(2026, 2, 9, 9, 0));
        Assert.Equal(At(2026, 3, 2, 17, 0), history.State.AppointmentAt);
        history.Then(RequestSupplement(), At(2026, 2, 13, 10, 0));

        var provided = Assert.IsType<SupplementProvided>(Assert.Single(history.When(ProvideSupplement(), At(2026, 2, 24, 10, 0)).Events));

        Assert.Equal(TimeSpan.FromHours(16), provided.PausedWorkingTime);
        Assert.Equal(At(2026, 3, 4, 17, 0), provided.AppointmentAt);
    }

    [Fact]
    public void SupplementWithNoWorkingTimeWaited_LeavesTheDatesWhereTheyWere()
    {
        // Asked on Friday after closing, supplied on Saturday: not a minute of office time passed.
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 27, 17, 30));

        var state = history.Then(ProvideSupplement(), At(2026, 11, 28, 10, 0)).State;

        Assert.Equal(TimeSpan.Zero, state.PausedWorkingTime);
        Assert.Equal(Appointment, state.AppointmentAt);
        Assert.Equal(FirstStepDue, state.StepDueAt);
    }

    [Fact]
    public void SupplementBeforeReceipt_MovesNothing_AndTheClockStartsAtReceipt()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt).Then(RequestSupplement(), Monday9);

        var provided = Assert.IsType<SupplementProvided>(Assert.Single(history.When(ProvideSupplement(), At(2026, 11, 26, 9, 0)).Events));
        history.Then(ProvideSupplement(), At(2026, 11, 26, 9, 0));
        var waiting = history.State;
        var received = history.Then(Receive(), At(2026, 11, 26, 10, 0)).State;

        Assert.Equal(TimeSpan.Zero, provided.PausedWorkingTime);
        Assert.Null(provided.AppointmentAt);
        Assert.Null(provided.StepDueAt);
        Assert.Equal(DossierStatus.Submitted, waiting.Status);
        Assert.Null(waiting.ClockStartAt);
        Assert.Equal(At(2026, 11, 26, 10, 0), received.ClockStartAt);
        Assert.Equal(At(2026, 12, 10, 17, 0), received.AppointmentAt);
        Assert.Equal(TimeSpan.Zero, received.PausedWorkingTime);
    }

    [Fact]
    public void FirstSupplementRequest_IsNotLate_ButASecondOneIs()
    {
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 10, 0));
        var afterFirst = history.State;
        history.Then(ProvideSupplement(), At(2026, 11, 25, 10, 0)).Then(Forward(), At(2026, 11, 25, 11, 0));

        var second = Assert.IsType<SupplementRequested>(Assert.Single(history.When(RequestSupplement(OfficerRole.Specialist), At(2026, 11, 26, 9, 0)).Events));
        var afterSecond = history.Then(RequestSupplement(OfficerRole.Specialist), At(2026, 11, 26, 9, 0)).State;

        Assert.Equal(1, afterFirst.SupplementRequests);
        Assert.False(afterFirst.Late);
        Assert.Equal(2, second.Ordinal);
        Assert.Equal(2, afterSecond.SupplementRequests);
        Assert.True(afterSecond.Late);
        Assert.True(history.Then(ProvideSupplement(), At(2026, 11, 27, 9, 0)).State.Late);
    }

    [Fact]
    public void SupplementAtTheDeskBeforeReceipt_DoesNotCountTowardsLateness()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt)
            .Then(RequestSupplement(), At(2026, 11, 23, 9, 30))
            .Then(ProvideSupplement(), At(2026, 11, 23, 14, 0))
            .Then(Receive(), At(2026, 11, 23, 15, 0))
            .Then(RequestSupplement(OfficerRole.Specialist), At(2026, 11, 24, 10, 0));

        var state = history.State;

        Assert.Equal(2, state.SupplementRequests);
        Assert.Equal(1, state.ProcessingSupplementRequests);
        Assert.False(state.Late);
    }

    [Fact]
    public void Extend_SetsTheAppointmentNWorkingDaysLaterAtOfficeClose_AndClearsTheApologyDraft()
    {
        var history = ReceivedOnMonday9();
        history.Then(TestCommands.WantedTimer(DossierTimerKind.AppointmentWarning, history.State), At(2026, 12, 4, 17, 0));
        Assert.NotNull(history.State.ApologyDraft);

        var extended = Assert.IsType<Extended>(Assert.Single(history.When(Extend(3), At(2026, 12, 7, 8, 0)).Events));
        var state = history.Then(Extend(3), At(2026, 12, 7, 8, 0)).State;

        Assert.Equal(Appointment, extended.PreviousAppointmentAt);
        Assert.Equal(At(2026, 12, 10, 17, 0), extended.AppointmentAt);
        Assert.Equal(DossierStatus.Extended, state.Status);
        Assert.Equal(At(2026, 12, 10, 17, 0), state.AppointmentAt);
        Assert.Null(state.ApologyDraft);
        Assert.Equal(1, state.Extensions);
        Assert.Equal(TestCommands.Reason, state.LastReason);
    }

    [Fact]
    public void Extend_FromAnAppointmentMovedIntoTheDay_LandsAtOfficeClose()
    {
        // A 2.5-hour pause moves the appointment to Tue 8/12 10:00; two more working days end on Thu 10/12 at 17:00.
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 9, 0)).Then(ProvideSupplement(), At(2026, 11, 24, 11, 30));
        Assert.Equal(At(2026, 12, 8, 10, 0), history.State.AppointmentAt);

        var extended = Assert.IsType<Extended>(Assert.Single(history.When(Extend(2), At(2026, 12, 1, 9, 0)).Events));

        Assert.Equal(At(2026, 12, 10, 17, 0), extended.AppointmentAt);
    }

    [Fact]
    public void Extend_OverTheLongestAllowed_IsAcceptedAtTheLimitOnly()
    {
        var history = ReceivedOnMonday9();
        var max = LifecycleSettings.Default.MaxExtensionWorkingDays;

        var atLimit = history.When(Extend(max), At(2026, 12, 1, 9, 0));
        var overLimit = history.When(Extend(max + 1), At(2026, 12, 1, 9, 0));

        Assert.True(atLimit.IsAccepted);
        Assert.Equal(DecisionErrorKind.InvalidInput, overLimit.Error?.Kind);
    }

    [Fact]
    public void Receive_WithAFee_AwaitsPaymentWithoutStartingTheClock()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt, feeVnd: LifecycleDefaults.Fee);

        var decision = history.When(Receive(), Monday9);
        var state = history.Then(Receive(), Monday9).State;

        var requested = Assert.IsType<PaymentRequested>(Assert.Single(decision.Events));
        Assert.Equal(LifecycleDefaults.Fee, requested.AmountVnd);
        Assert.Equal(DossierStatus.AwaitingPayment, state.Status);
        Assert.Equal(LifecycleDefaults.Fee, state.FeeDueVnd);
        Assert.Null(state.ClockStartAt);
        Assert.Null(state.AppointmentAt);
        // Only the payment deadline runs: five working days, at office close (Monday 23/11 -> Monday 30/11 17:00).
        Assert.Equal([new DossierTimer(DossierTimerKind.PaymentDue, At(2026, 11, 30, 17, 0))],
            DossierTimers.Due(state, LifecycleDefaults.Calendar, LifecycleSettings.Default));
    }

    [Fact]
    public void PaymentDeadlinePassing_FlagsThePaymentOverdue_Once()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt, feeVnd: LifecycleDefaults.Fee).Then(Receive(), Monday9);
        var due = history.State.PaymentDueAt!.Value;
        var timer = new FireTimer { Actor = "system", Role = OfficerRole.System, Kind = DossierTimerKind.PaymentDue, DueAt = due };

        var fired = history.Then(timer, due);

        Assert.True(fired.State.PaymentOverdue);
        Assert.Equal(DossierStatus.AwaitingPayment, fired.State.Status);
        Assert.Empty(DossierTimers.Due(fired.State, LifecycleDefaults.Calendar, LifecycleSettings.Default));
        Assert.Empty(fired.When(timer, due).Events);
    }

    [Fact]
    public void ConfirmPayment_StartsTheClockAtPayment()
    {
        var history = DossierHistory.SubmittedAt(Givens.SubmittedAt, feeVnd: LifecycleDefaults.Fee).Then(Receive(), Monday9);

        var state = history.Then(ConfirmPayment(OfficerRole.System), At(2026, 11, 25, 14, 0)).State;

        Assert.Equal(DossierStatus.Received, state.Status);
        Assert.Equal(At(2026, 11, 25, 14, 0), state.ClockStartAt);
        Assert.Equal(At(2026, 12, 9, 17, 0), state.AppointmentAt);
        Assert.Equal(0, state.FeeDueVnd);
        Assert.Equal(0, state.StepIndex);
    }

    private static DateTimeOffset VietnamTimeOn(DateOnly date, int hour, int minute) => At(date.Year, date.Month, date.Day, hour, minute);
}
