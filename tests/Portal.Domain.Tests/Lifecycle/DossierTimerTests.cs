using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Calendar.RealCalendar;
using static Portal.Domain.Tests.Lifecycle.TestCommands;
using K = Portal.Domain.Lifecycle.DossierTimerKind;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// The timers a state wants (<see cref="DossierTimers.Due"/>) and what firing one does. Received on Monday 23/11/2026 at
/// 09:00: first step due Tue 1/12 14:24, warning Fri 4/12 17:00, appointment Mon 7/12 17:00.
/// </summary>
public class DossierTimerTests
{
    private static readonly DateTimeOffset Monday9 = At(2026, 11, 23, 9, 0);
    private static readonly DateTimeOffset FirstStepDue = At(2026, 12, 1, 14, 24);
    private static readonly DateTimeOffset Warning = At(2026, 12, 4, 17, 0);
    private static readonly DateTimeOffset Appointment = At(2026, 12, 7, 17, 0);

    private static DossierHistory ReceivedOnMonday9() => DossierHistory.SubmittedAt(Givens.SubmittedAt).Then(Receive(), Monday9);

    private static IReadOnlyList<DossierTimer> Due(DossierState state) =>
        DossierTimers.Due(state, LifecycleDefaults.Calendar, LifecycleSettings.Default);

    [Fact]
    public void WhileTheClockRuns_StepDueWarningAndAppointmentAreWanted()
    {
        var state = ReceivedOnMonday9().State;

        var timers = Due(state);

        Assert.Equal([new(K.StepDue, FirstStepDue), new(K.AppointmentWarning, Warning), new(K.Appointment, Appointment)], timers);
    }

    [Theory]
    [InlineData(Given.Received)]
    [InlineData(Given.InProgress)]
    [InlineData(Given.ExtendedAtApproval)]
    [InlineData(Given.Approved)]
    public void EveryRunningStatus_WantsTheThreeClockTimers(Given given)
    {
        var state = Givens.Build(given).State;

        var kinds = Due(state).Select(t => t.Kind);

        Assert.Equal([K.StepDue, K.AppointmentWarning, K.Appointment], kinds);
    }

    [Fact]
    public void WhileWaitingForASupplement_OnlyTheSupplementDueIsWanted()
    {
        var state = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 10, 0)).State;

        var timers = Due(state);

        // Fifteen working days after Tue 24/11, at office close.
        Assert.Equal([new DossierTimer(K.SupplementDue, At(2026, 12, 15, 17, 0))], timers);
    }

    [Fact]
    public void AfterTheResultIsIssued_OnlyTheReturnStepIsTimed()
    {
        var history = ReceivedOnMonday9().Then(Forward()).Then(Approve()).Then(IssueResult());

        var timers = Due(history.State);

        Assert.Equal([new DossierTimer(K.StepDue, Appointment)], timers);
    }

    [Fact]
    public void AfterTheReturn_OnlyTheRatingRequestIsWanted_AnHourLater()
    {
        var history = ReceivedOnMonday9().Then(Forward()).Then(Approve()).Then(IssueResult()).Then(ReturnResult(), At(2026, 11, 27, 10, 0));

        var timers = Due(history.State);

        Assert.Equal([new DossierTimer(K.RatingRequest, At(2026, 11, 27, 11, 0))], timers);
    }

    [Theory]
    [InlineData(Given.Submitted)]
    [InlineData(Given.RefusedAtIntake)]
    [InlineData(Given.Rejected)]
    [InlineData(Given.ProcessingStopped)]
    [InlineData(Given.Withdrawn)]
    public void BeforeTheClockStarts_OrOnceClosedWithoutAResult_NoTimerIsWanted(Given given)
    {
        var state = Givens.Build(given).State;

        var timers = Due(state);

        Assert.Empty(timers);
    }

    [Fact]
    public void StepDueTimer_RecordsTheStepAsOverdue_AndIsNotWantedAgain()
    {
        var history = ReceivedOnMonday9();

        var decision = history.When(WantedTimer(K.StepDue, history.State), FirstStepDue);
        var state = history.Then(WantedTimer(K.StepDue, history.State), FirstStepDue).State;

        var overdue = Assert.IsType<StepOverdue>(Assert.Single(decision.Events));
        Assert.Equal("tham-dinh", overdue.Step);
        Assert.Equal(OfficerRole.System, overdue.Role);
        Assert.True(state.StepOverdue);
        Assert.False(state.Late);
        Assert.DoesNotContain(Due(state), t => t.Kind == K.StepDue);
    }

    [Fact]
    public void AppointmentWarning_DraftsAnApologyProposingANewDate_WithAPlaceForTheReason()
    {
        var history = ReceivedOnMonday9();

        var decision = history.When(WantedTimer(K.AppointmentWarning, history.State), Warning);

        var draft = Assert.IsType<ApologyDrafted>(Assert.Single(decision.Events));
        Assert.Equal(Appointment, draft.AppointmentAt);
        Assert.Equal(At(2026, 12, 10, 17, 0), draft.ProposedAppointmentAt); // three working days later, at close
        Assert.Contains("[nêu rõ lý do chậm trễ]", draft.DraftText);
        Assert.Contains("07/12/2026", draft.DraftText);
        Assert.Contains("17:00 ngày 10/12/2026", draft.DraftText);
    }

    [Fact]
    public void AppointmentWarning_KeepsTheDraftInTheState_AndIsNotWantedAgain()
    {
        var history = ReceivedOnMonday9();

        var state = history.Then(WantedTimer(K.AppointmentWarning, history.State), Warning).State;

        Assert.NotNull(state.ApologyDraft);
        Assert.Equal([K.StepDue, K.Appointment], Due(state).Select(t => t.Kind));
    }

    [Fact]
    public void AppointmentTimer_MakesTheDossierOverdueAndLate()
    {
        var history = ReceivedOnMonday9();

        var decision = history.When(WantedTimer(K.Appointment, history.State), Appointment);
        var state = history.Then(WantedTimer(K.Appointment, history.State), Appointment).State;

        Assert.IsType<BecameOverdue>(Assert.Single(decision.Events));
        Assert.True(state.Overdue);
        Assert.True(state.Late);
        Assert.DoesNotContain(Due(state), t => t.Kind is K.Appointment or K.AppointmentWarning);
    }

    [Fact]
    public void SupplementDueTimer_RecordsThatTheApplicantDidNotSupplementInTime()
    {
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 10, 0));

        var decision = history.When(WantedTimer(K.SupplementDue, history.State), At(2026, 12, 15, 17, 0));
        var state = history.Then(WantedTimer(K.SupplementDue, history.State), At(2026, 12, 15, 17, 0)).State;

        Assert.IsType<SupplementOverdue>(Assert.Single(decision.Events));
        Assert.True(state.SupplementOverdue);
        Assert.Equal(DossierStatus.SupplementRequested, state.Status);
        Assert.Empty(Due(state));
    }

    [Fact]
    public void RatingRequestTimer_AsksForTheRating_Once()
    {
        var history = ReceivedOnMonday9().Then(Forward()).Then(Approve()).Then(IssueResult()).Then(ReturnResult());
        var timer = WantedTimer(K.RatingRequest, history.State);

        var decision = history.When(timer, timer.DueAt);
        var state = history.Then(timer, timer.DueAt).State;

        Assert.IsType<RatingRequested>(Assert.Single(decision.Events));
        Assert.True(state.RatingRequested);
        Assert.Empty(history.When(timer, timer.DueAt.AddMinutes(1)).Events);
    }

    [Theory]
    [InlineData(K.StepDue)]
    [InlineData(K.AppointmentWarning)]
    [InlineData(K.Appointment)]
    public void TimerSetBeforeASupplement_IsStaleOnceTheDatesMoved(K kind)
    {
        var history = ReceivedOnMonday9();
        var before = WantedTimer(kind, history.State);
        history.Then(RequestSupplement(), At(2026, 11, 24, 10, 0)).Then(ProvideSupplement(), At(2026, 11, 26, 10, 0));

        var moved = LifecycleDefaults.Calendar.AddWorkingTime(before.DueAt, TimeSpan.FromHours(16));

        var stale = history.When(before, before.DueAt);
        var current = history.When(WantedTimer(kind, history.State), moved);

        Assert.True(stale.IsAccepted);
        Assert.Empty(stale.Events);
        Assert.Single(current.Events);
        Assert.Equal(moved, WantedTimer(kind, history.State).DueAt); // two working days (16 h) later
    }

    [Fact]
    public void ClockTimers_WhileWaitingForASupplement_DoNothing()
    {
        var history = ReceivedOnMonday9();
        var timers = Due(history.State).Select(t => Timer(t.Kind, t.DueAt)).ToList();
        history.Then(RequestSupplement(), At(2026, 11, 24, 10, 0));

        var events = timers.SelectMany(t => history.When(t, t.DueAt).Events);

        Assert.Empty(events);
    }

    [Fact]
    public void StepDueOfAFinishedStep_DoesNothing()
    {
        var history = ReceivedOnMonday9();
        var examination = WantedTimer(K.StepDue, history.State);
        history.Then(Forward(), At(2026, 11, 25, 9, 0));

        var decision = history.When(examination, examination.DueAt);

        Assert.Empty(decision.Events);
    }

    [Fact]
    public void AppointmentTimers_AfterTheResultIsIssued_DoNothing()
    {
        var history = ReceivedOnMonday9();
        var warning = WantedTimer(K.AppointmentWarning, history.State);
        var appointment = WantedTimer(K.Appointment, history.State);
        history.Then(Forward()).Then(Approve()).Then(IssueResult());

        var events = history.When(warning, Warning).Events.Concat(history.When(appointment, Appointment).Events);

        Assert.Empty(events);
    }

    [Fact]
    public void SupplementDue_AfterTheSupplementArrived_DoesNothing()
    {
        var history = ReceivedOnMonday9().Then(RequestSupplement(), At(2026, 11, 24, 10, 0));
        var supplementDue = WantedTimer(K.SupplementDue, history.State);
        history.Then(ProvideSupplement(), At(2026, 11, 25, 10, 0));

        var decision = history.When(supplementDue, supplementDue.DueAt);

        Assert.Empty(decision.Events);
    }

    [Fact]
    public void TheSameTimerFiredTwice_RecordsItsEventOnce()
    {
        var history = ReceivedOnMonday9();
        var appointment = WantedTimer(K.Appointment, history.State);
        history.Then(appointment, Appointment);

        var again = history.When(appointment, Appointment.AddSeconds(1));

        Assert.Empty(again.Events);
    }

    [Fact]
    public void TimerOfAWantedKind_ForAnotherInstant_DoesNothing()
    {
        var history = ReceivedOnMonday9();

        var decision = history.When(Timer(K.Appointment, Appointment.AddMinutes(-1)), Appointment);

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Extension_ArmsTheWarningAndAppointmentForTheNewDate_AndGivesTheCurrentStepTheExtraTime()
    {
        var history = ReceivedOnMonday9();
        history.Then(WantedTimer(K.AppointmentWarning, history.State), Warning);

        var state = history.Then(Extend(3), At(2026, 12, 7, 8, 0)).State;

        // Three working days added: the step due Tue 1/12 14:24 becomes Fri 4/12 14:24.
        Assert.Equal([new(K.StepDue, At(2026, 12, 4, 14, 24)), new(K.AppointmentWarning, At(2026, 12, 9, 17, 0)), new(K.Appointment, At(2026, 12, 10, 17, 0))],
            Due(state));
    }

    [Fact]
    public void SupplementWithoutOfficeTimeWaited_AfterTheApology_DoesNotDraftASecondApology()
    {
        // The warning fired on Friday 4/12 at 17:00; a supplement asked that evening and supplied on Saturday moves nothing.
        var history = ReceivedOnMonday9();
        var warning = WantedTimer(K.AppointmentWarning, history.State);
        history.Then(warning, Warning).Then(RequestSupplement(), At(2026, 12, 4, 17, 30)).Then(ProvideSupplement(), At(2026, 12, 5, 9, 0));

        var again = history.When(warning, At(2026, 12, 5, 9, 1));

        Assert.NotNull(history.State.ApologyDraft);
        Assert.DoesNotContain(Due(history.State), t => t.Kind == K.AppointmentWarning);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void SupplementThatMovesTheAppointment_DropsTheApologyForTheOldDate()
    {
        var history = ReceivedOnMonday9();
        history.Then(WantedTimer(K.AppointmentWarning, history.State), Warning)
            .Then(RequestSupplement(), At(2026, 12, 4, 17, 30)).Then(ProvideSupplement(), At(2026, 12, 7, 9, 30));

        var state = history.State;

        // Two working hours waited (Mon 7/12 07:30-09:30): the appointment moves to Tue 8/12 09:30, the warning to Mon 09:30.
        Assert.Null(state.ApologyDraft);
        Assert.Equal(At(2026, 12, 8, 9, 30), state.AppointmentAt);
        Assert.Contains(new DossierTimer(K.AppointmentWarning, At(2026, 12, 7, 9, 30)), Due(state));
    }
}
