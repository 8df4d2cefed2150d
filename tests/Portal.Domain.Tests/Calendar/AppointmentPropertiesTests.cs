using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class AppointmentPropertiesTests
{
    private static readonly WorkingCalendar Cal = RealCalendar.Calendar;
    private static readonly DateTimeOffset Origin = RealCalendar.At(2024, 1, 1);
    private static readonly int Minutes = (int)(RealCalendar.At(2027, 10, 1) - Origin).TotalMinutes;

    /// <summary>Receipt instants from 2024 to late 2027, at minute precision, with every offset's view of the same instant.</summary>
    private static readonly Gen<DateTimeOffset> Instants =
        from minute in Gen.Choose(0, Minutes)
        from offsetHours in Gen.Elements(0, 7, -5)
        select Origin.AddMinutes(minute).ToOffset(TimeSpan.FromHours(offsetHours));

    private static readonly Gen<TimeOnly?> CutOffs = Gen.Elements<TimeOnly?>(null, new TimeOnly(15, 0), new TimeOnly(10, 0), new TimeOnly(16, 30));

    private static readonly Gen<ProcessingTime> DayTimes =
        from unit in Gen.Elements(ProcessingTimeUnit.WorkingDays, ProcessingTimeUnit.Days)
        from value in Gen.Choose(0, 45)
        from cutOff in CutOffs
        select new ProcessingTime(value, unit, cutOff);

    private static readonly Gen<ProcessingTime> AnyTimes = Gen.OneOf(
        DayTimes,
        from quarterHours in Gen.Choose(0, 400)
        from cutOff in CutOffs
        select ProcessingTime.WorkingHours(quarterHours / 4m, cutOff));

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count);

    [Fact]
    public void DayBasedAppointments_AreAtOfficeCloseOfAWorkingDay_NotBeforeReceipt()
    {
        var property = Prop.ForAll(Instants.ToArbitrary(), DayTimes.ToArbitrary(), (receivedAt, time) =>
        {
            var due = AppointmentCalculator.Compute(receivedAt, time, Cal);
            var local = VietnamTime.ToLocal(due);
            return due.Offset == VietnamTime.Offset
                && Cal.IsWorkingDay(DateOnly.FromDateTime(local))
                && TimeOnly.FromDateTime(local) == Cal.ClosingTime
                && due > receivedAt;
        });

        Check.One(Runs(500), property);
    }

    [Fact]
    public void HourBasedAppointments_AreWithinOfficeHoursOfAWorkingDay()
    {
        var hours = from quarterHours in Gen.Choose(1, 400) select ProcessingTime.WorkingHours(quarterHours / 4m);
        var property = Prop.ForAll(Instants.ToArbitrary(), hours.ToArbitrary(), (receivedAt, time) =>
        {
            var local = VietnamTime.ToLocal(AppointmentCalculator.Compute(receivedAt, time, Cal));
            var at = TimeOnly.FromDateTime(local);
            return Cal.IsWorkingDay(DateOnly.FromDateTime(local)) && Cal.OfficeHours.Any(p => at > p.Start && at <= p.End);
        });

        Check.One(Runs(500), property);
    }

    [Fact]
    public void Appointment_IsMonotonicInReceiptTime()
    {
        var pairs = from first in Instants
                    from laterMinutes in Gen.Frequency((3, Gen.Choose(0, 600)), (1, Gen.Choose(0, 60 * 24 * 20)))
                    select (first, first.AddMinutes(laterMinutes));
        var property = Prop.ForAll(pairs.ToArbitrary(), AnyTimes.ToArbitrary(), (pair, time) =>
            AppointmentCalculator.Compute(pair.Item1, time, Cal) <= AppointmentCalculator.Compute(pair.Item2, time, Cal));

        Check.One(Runs(1000), property);
    }

    [Fact]
    public void AddWorkingTime_IsUndoneByWorkingTimeBetween()
    {
        var durations = from minutes in Gen.Choose(0, 60 * 8 * 30) select TimeSpan.FromMinutes(minutes);
        var property = Prop.ForAll(Instants.ToArbitrary(), durations.ToArbitrary(), (instant, duration) =>
        {
            var start = Cal.NextOfficeTime(instant);
            return Cal.WorkingTimeBetween(start, Cal.AddWorkingTime(start, duration)) == duration
                && Cal.WorkingTimeBetween(instant, Cal.AddWorkingTime(instant, duration)) == duration;
        });

        Check.One(Runs(300), property);
    }

    [Fact]
    public void AddWorkingDays_CountsExactlyThatManyWorkingDays()
    {
        var dates = from day in Gen.Choose(0, 1300) select new DateOnly(2024, 1, 1).AddDays(day);
        var property = Prop.ForAll(dates.ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (date, n) =>
        {
            var end = Cal.AddWorkingDays(date, n);
            return Cal.IsWorkingDay(end) && Cal.CountWorkingDays(date, end) == n && Cal.AddWorkingDays(end, -n) <= date;
        });

        Check.One(Runs(300), property);
    }
}
