using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;
using Portal.Domain.Tests.Lifecycle;

namespace Portal.Domain.Tests.Calendar;

/// <summary>
/// The rule that an appointment never lands at the opening minute of a day: deadlines are moved by whole minutes of office
/// time from the deadline itself, and an instant at the start of an office period is written as the end of the period before.
/// </summary>
public class DeadlineRuleTests
{
    private static readonly WorkingCalendar Cal = RealCalendar.Calendar;
    private static readonly DateTimeOffset Origin = RealCalendar.At(2026, 1, 1);
    private static readonly ProcessingTime SameDay = ProcessingTime.WorkingDays(0);

    /// <summary>Whether a local time is within the first minute of an office period of a working day.</summary>
    private static bool AtOpeningMinute(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return Cal.IsWorkingDay(DateOnly.FromDateTime(local))
            && Cal.OfficeHours.Any(p => local.TimeOfDay >= p.Start.ToTimeSpan() && local.TimeOfDay < p.Start.ToTimeSpan() + TimeSpan.FromMinutes(1));
    }

    private static Decision Decide(DossierCommand command, DossierState state, DateTimeOffset now, ProcessingTime time) =>
        DossierDecider.Decide(command, state, new DecisionContext(now, Cal, ProcessingPlan.Default, time, 0, LifecycleSettings.Default));

    private static DossierState Apply(DossierState state, Decision decision)
    {
        Assert.True(decision.IsAccepted, decision.Error?.ToString());
        return decision.Events.Aggregate(state, (s, e) => DossierDecider.Evolve(s, e));
    }

    /// <summary>A same-day dossier received at <paramref name="receivedAt"/>, asked for a supplement and given it.</summary>
    private static DossierState SameDayWithSupplement(DateTimeOffset receivedAt, DateTimeOffset requestedAt, DateTimeOffset providedAt)
    {
        var state = DossierDecider.Evolve(null, DossierDecider.Submit(receivedAt.AddMinutes(-30), "citizen-01", SameDay, Cal));
        state = Apply(state, Decide(TestCommands.Receive(), state, receivedAt, SameDay));
        state = Apply(state, Decide(TestCommands.RequestSupplement(), state, requestedAt, SameDay));
        return Apply(state, Decide(TestCommands.ProvideSupplement(), state, providedAt, SameDay));
    }

    [Fact]
    public void SameDayDossier_WhoseSupplementComesBackWithinAMinute_KeepsItsAppointmentAt1700()
    {
        // The reported case: received Monday 23/11/2026 10:00, due 17:00 the same day; the supplement was asked for at
        // 16:59:30 and came back at 17:00:10 (30 seconds of office time waited). It was given 07:30 the next day.
        var receivedAt = RealCalendar.At(2026, 11, 23, 10, 0);
        var state = SameDayWithSupplement(receivedAt, RealCalendar.At(2026, 11, 23, 16, 59).AddSeconds(30), RealCalendar.At(2026, 11, 23, 17, 0).AddSeconds(10));

        Assert.Equal(RealCalendar.At(2026, 11, 23, 17, 0), state.AppointmentAt);
        Assert.Equal(TimeSpan.Zero, state.PausedWorkingTime);
    }

    [Fact]
    public void SameDayDossier_WhoseSupplementTookOneMinuteOfOfficeTime_IsDueOneMinuteAfterTheNextOpening()
    {
        var state = SameDayWithSupplement(RealCalendar.At(2026, 11, 23, 10, 0), RealCalendar.At(2026, 11, 23, 16, 59), RealCalendar.At(2026, 11, 23, 18, 0));

        Assert.Equal(RealCalendar.At(2026, 11, 24, 7, 31), state.AppointmentAt);
    }

    [Fact]
    public void AnInstantAtTheStartOfAnOfficePeriod_IsWrittenAsTheEndOfThePeriodBefore()
    {
        // Tuesday 24/11/2026 07:30 is Monday 17:00; 13:00 is 11:30; Monday 23/11 07:30 is Friday 20/11 17:00.
        Assert.Equal(new DateTime(2026, 11, 23, 17, 0, 0), Cal.AsDeadline(new DateTime(2026, 11, 24, 7, 30, 0)));
        Assert.Equal(new DateTime(2026, 11, 24, 11, 30, 0), Cal.AsDeadline(new DateTime(2026, 11, 24, 13, 0, 0)));
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0), Cal.AsDeadline(new DateTime(2026, 11, 23, 7, 30, 0)));
        Assert.Equal(new DateTime(2026, 11, 24, 7, 31, 0), Cal.AsDeadline(new DateTime(2026, 11, 24, 7, 31, 0)));
    }

    [Fact]
    public void MovedDeadlines_NeverLandAtTheOpeningMinute_AndMoveByExactlyTheWholeMinutesOfOfficeTime()
    {
        var deadlines = from day in Gen.Choose(0, 545)
                        from minute in Gen.Choose(0, 8 * 60)
                        let date = Cal.WorkingDayOnOrAfter(DateOnly.FromDateTime(VietnamTime.ToLocal(Origin)).AddDays(day))
                        select VietnamTime.FromLocal(Cal.AsDeadline(Cal.AddWorkingTime(Cal.OpeningOf(date), TimeSpan.FromMinutes(minute))));
        var durations = Gen.Frequency(
            (3, from seconds in Gen.Choose(0, 180) select TimeSpan.FromSeconds(seconds)),
            (2, from seconds in Gen.Choose(0, 8 * 3600 * 20) select TimeSpan.FromSeconds(seconds)));
        var property = Prop.ForAll(deadlines.ToArbitrary(), durations.ToArbitrary(), (due, officeTime) =>
        {
            var moved = Cal.MoveDeadline(due, officeTime);
            var whole = WorkingCalendar.WholeMinutes(officeTime);
            return !AtOpeningMinute(moved)
                && moved >= due
                && (whole > TimeSpan.Zero || moved == due)
                && Cal.WorkingTimeBetween(due, moved) == whole
                && moved.Second == 0 && moved.Offset == VietnamTime.Offset;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Appointments_AfterSupplementsTimedToTheSecond_NeverLandAtTheOpeningMinute()
    {
        var times = Gen.Elements(SameDay, ProcessingTime.WorkingDays(1), ProcessingTime.WorkingDays(5), ProcessingTime.WorkingDays(0, new TimeOnly(15, 0)),
            ProcessingTime.WorkingHours(1), ProcessingTime.WorkingHours(4.5m), ProcessingTime.Days(3));
        var lives = from receipt in Gen.Choose(0, 545 * 86400)
                    from time in times
                    from before in Gen.Frequency((3, Gen.Choose(0, 600 * 60)), (1, Gen.Choose(0, 5 * 86400)))
                    from waited in Gen.Frequency((3, Gen.Choose(0, 120)), (2, Gen.Choose(0, 3 * 86400)))
                    select (ReceivedAt: Origin.AddSeconds(receipt), Time: time, Before: before, Waited: waited);
        var property = Prop.ForAll(lives.ToArbitrary(), life =>
        {
            var state = DossierDecider.Evolve(null, DossierDecider.Submit(life.ReceivedAt, "citizen-01", life.Time, Cal));
            state = Apply(state, Decide(TestCommands.Receive(), state, life.ReceivedAt, life.Time));
            var requestedAt = life.ReceivedAt.AddSeconds(life.Before);
            state = Apply(state, Decide(TestCommands.RequestSupplement(), state, requestedAt, life.Time));
            state = Apply(state, Decide(TestCommands.ProvideSupplement(), state, requestedAt.AddSeconds(life.Waited), life.Time));
            return !AtOpeningMinute(state.AppointmentAt!.Value) && !AtOpeningMinute(state.StepDueAt!.Value)
                && state.AppointmentAt.Value.Second == 0 && state.StepDueAt.Value.Second == 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }
}
