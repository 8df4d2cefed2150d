using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Tests.Calendar;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// The clock never counts the applicant's supplement time: for any receipt and any requests and provisions after it, the
/// dates move by exactly the office time waited, and the office time left between clock start and appointment, minus the
/// pauses, is the processing time.
/// </summary>
public class SupplementPausePropertiesTests
{
    private static readonly DateTimeOffset Origin = RealCalendar.At(2026, 1, 1);

    /// <summary>Minutes before a request and minutes until its provision: often short, sometimes over weekends and Tết.</summary>
    private static readonly Gen<(int Before, int Waited)> Pauses =
        from before in Gen.Frequency((3, Gen.Choose(0, 600)), (2, Gen.Choose(0, 5 * 1440)))
        from waited in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 600)), (3, Gen.Choose(0, 12 * 1440)))
        select (before, waited);

    private static readonly Gen<(DateTimeOffset ReceivedAt, (int Before, int Waited)[] Pauses)> Lives =
        from minute in Gen.Choose(0, 545 * 1440)
        from count in Gen.Choose(1, 5)
        from pauses in Gen.ArrayOf(Pauses, count)
        select (Origin.AddMinutes(minute), pauses);

    [Fact]
    public void SupplementWaitingTime_MovesTheDatesByExactlyTheOfficeTimeWaited_AndNeverCountsAgainstTheBudget()
    {
        var calendar = LifecycleDefaults.Calendar;
        var property = Prop.ForAll(Lives.ToArbitrary(), life =>
        {
            var history = DossierHistory.SubmittedAt(life.ReceivedAt.AddHours(-1)).Then(Receive(), life.ReceivedAt);
            var received = history.State;
            var budget = calendar.WorkingTimeBetween(received.ClockStartAt!.Value, received.AppointmentAt!.Value);
            var waited = TimeSpan.Zero;
            var now = life.ReceivedAt;
            foreach (var (before, wait) in life.Pauses)
            {
                var requestedAt = now.AddMinutes(before);
                now = requestedAt.AddMinutes(wait);
                history.Then(RequestSupplement(), requestedAt).Then(ProvideSupplement(), now);
                waited += calendar.WorkingTimeBetween(requestedAt, now);
            }

            var state = history.State;

            return state.PausedWorkingTime == waited
                && state.AppointmentAt == MovedBy(received.AppointmentAt.Value, waited)
                && state.StepDueAt == MovedBy(received.StepDueAt!.Value, waited)
                && calendar.WorkingTimeBetween(state.ClockStartAt!.Value, state.AppointmentAt!.Value) - state.PausedWorkingTime == budget
                && state.Late == life.Pauses.Length > 1;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>A date moved by office time; no office time waited leaves it where it was.</summary>
    private static DateTimeOffset MovedBy(DateTimeOffset due, TimeSpan waited) =>
        waited == TimeSpan.Zero ? due : LifecycleDefaults.Calendar.AddWorkingTime(due, waited);
}
