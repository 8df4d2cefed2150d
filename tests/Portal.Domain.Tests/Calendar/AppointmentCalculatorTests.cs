using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.RealCalendar;

namespace Portal.Domain.Tests.Calendar;

public class AppointmentCalculatorTests
{
    private static readonly WorkingCalendar Cal = RealCalendar.Calendar;
    private static readonly TimeOnly ThreePm = new(15, 0);

    private static DateTimeOffset Compute(DateTimeOffset receivedAt, ProcessingTime time) => AppointmentCalculator.Compute(receivedAt, time, Cal);

    [Fact]
    public void WorkingDays_OrdinaryWeek_DueAtCloseOfTheNthWorkingDay()
    {
        var due = Compute(At(2025, 11, 18, 9, 0), ProcessingTime.WorkingDays(3));

        Assert.Equal(At(2025, 11, 21, 17, 0), due);
        Assert.Equal(VietnamTime.Offset, due.Offset);
    }

    [Fact]
    public void WorkingDays_SubmittedJustBeforeTet2025_LandsAfterTet()
    {
        // Friday 24/1/2025; Tết break 25/1–2/2: day 1 = Mon 3/2, day 3 = Wed 5/2.
        var due = Compute(At(2025, 1, 24, 16, 30), ProcessingTime.WorkingDays(3));

        Assert.Equal(At(2025, 2, 5, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_SubmittedJustBeforeTet2026_LandsAfterTet()
    {
        // Friday 13/2/2026; Tết break 14/2–22/2: day 1 = Mon 23/2, day 3 = Wed 25/2.
        var due = Compute(At(2026, 2, 13, 10, 0), ProcessingTime.WorkingDays(3));

        Assert.Equal(At(2026, 2, 25, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_SubmittedDuringTet_CountsFromTheFirstDayBack()
    {
        // Received on mùng 1 (17/2/2026): effective Mon 23/2 07:30 (day 0), day 2 = Wed 25/2.
        var due = Compute(At(2026, 2, 17, 9, 0), ProcessingTime.WorkingDays(2));

        Assert.Equal(At(2026, 2, 25, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_HolidayOnSundayWithCompensatoryMonday_AndThe30AprilBreak_AreSkipped()
    {
        // Fri 24/4/2026; 26/4 Hùng Kings (Sun) → 27/4 off; 28, 29 work; 30/4, 1/5 off; day 3 = Mon 4/5.
        var due = Compute(At(2026, 4, 24, 9, 0), ProcessingTime.WorkingDays(3));

        Assert.Equal(At(2026, 5, 4, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_WorkedSaturday_CountsAsAWorkingDay()
    {
        // Fri 9/1/2026; Saturday 10/1/2026 is worked (làm bù for 2/1).
        var due = Compute(At(2026, 1, 9, 10, 0), ProcessingTime.WorkingDays(1));

        Assert.Equal(At(2026, 1, 10, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_SubmittedOnAWorkedSaturday_IsReceivedThatDay()
    {
        var due = Compute(At(2026, 1, 10, 8, 0), ProcessingTime.WorkingDays(0));

        Assert.Equal(At(2026, 1, 10, 17, 0), due);
    }

    [Fact]
    public void WorkingDays_SwappedDayOff_IsSkipped()
    {
        // Wed 31/12/2025; 1/1 holiday, 2/1 swapped off, weekend: day 1 = Mon 5/1/2026.
        var due = Compute(At(2025, 12, 31, 10, 0), ProcessingTime.WorkingDays(1));

        Assert.Equal(At(2026, 1, 5, 17, 0), due);
    }

    [Fact]
    public void Cutoff_BeforeThreePM_DueTheSameDay()
    {
        var due = Compute(At(2025, 11, 18, 14, 59), ProcessingTime.WorkingDays(0, ThreePm));

        Assert.Equal(At(2025, 11, 18, 17, 0), due);
    }

    [Fact]
    public void Cutoff_ExactlyThreePM_CountsAsBefore()
    {
        var due = Compute(At(2025, 11, 18, 15, 0), ProcessingTime.WorkingDays(0, ThreePm));

        Assert.Equal(At(2025, 11, 18, 17, 0), due);
    }

    [Fact]
    public void Cutoff_AfterThreePM_CountsFromNextWorkingDay()
    {
        var due = Compute(At(2025, 11, 18, 15, 1), ProcessingTime.WorkingDays(0, ThreePm));

        Assert.Equal(At(2025, 11, 19, 17, 0), due);
        Assert.Equal(At(2025, 11, 19, 7, 30), AppointmentCalculator.EffectiveReceipt(At(2025, 11, 18, 15, 1), ProcessingTime.WorkingDays(0, ThreePm), Cal));
    }

    [Fact]
    public void Cutoff_AfterThreePMOnFriday_CountsFromMonday()
    {
        var due = Compute(At(2025, 11, 21, 16, 0), ProcessingTime.WorkingDays(0, ThreePm));

        Assert.Equal(At(2025, 11, 24, 17, 0), due);
    }

    [Fact]
    public void Cutoff_AfterThreePMWithAMultiDayTime_CountsDaysFromNextWorkingDay()
    {
        var due = Compute(At(2025, 11, 18, 16, 0), ProcessingTime.WorkingDays(2, ThreePm));

        Assert.Equal(At(2025, 11, 21, 17, 0), due);
    }

    [Fact]
    public void SameDay_ReceivedAfterClose_IsDueTheNextWorkingDay()
    {
        var due = Compute(At(2025, 11, 18, 19, 0), ProcessingTime.WorkingDays(0));

        Assert.Equal(At(2025, 11, 19, 17, 0), due);
    }

    [Fact]
    public void SubmittedOnSunday_CountsFromMonday()
    {
        // Sun 23/11/2025 → received Mon 24/11 07:30 (day 0); day 3 = Thu 27/11.
        var due = Compute(At(2025, 11, 23, 10, 0), ProcessingTime.WorkingDays(3));

        Assert.Equal(At(2025, 11, 27, 17, 0), due);
        Assert.Equal(At(2025, 11, 24, 7, 30), AppointmentCalculator.EffectiveReceipt(At(2025, 11, 23, 10, 0), ProcessingTime.WorkingDays(3), Cal));
    }

    [Fact]
    public void ReceivedAsUtc_IsReadInVietnamTime()
    {
        // 23/11/2025 18:00 UTC is Monday 24/11 01:00 in Vietnam → received 07:30 Monday.
        var due = Compute(new DateTimeOffset(2025, 11, 23, 18, 0, 0, TimeSpan.Zero), ProcessingTime.WorkingDays(0));

        Assert.Equal(At(2025, 11, 24, 17, 0), due);
    }

    [Fact]
    public void WorkingHours_SpanningLunch_AreAddedWithinTheDay()
    {
        var due = Compute(At(2025, 11, 18, 10, 0), ProcessingTime.WorkingHours(4));

        Assert.Equal(At(2025, 11, 18, 15, 30), due);
    }

    [Fact]
    public void WorkingHours_SpanningLunchAndNight_ContinueNextMorning()
    {
        var due = Compute(At(2025, 11, 18, 10, 0), ProcessingTime.WorkingHours(8));

        Assert.Equal(At(2025, 11, 19, 10, 0), due);
    }

    [Fact]
    public void WorkingHours_ReceivedAtLunch_StartAt13()
    {
        var due = Compute(At(2025, 11, 18, 12, 0), ProcessingTime.WorkingHours(1));

        Assert.Equal(At(2025, 11, 18, 14, 0), due);
    }

    [Fact]
    public void WorkingHours_BeforeTheNationalDayBreak2026_ContinueAfterIt()
    {
        // Fri 28/8/2026 15:00; 29/8–2/9 off (31/8 swapped, 1–2/9 holidays): 2 h Friday, 2 h Thursday 3/9.
        var due = Compute(At(2026, 8, 28, 15, 0), ProcessingTime.WorkingHours(4));

        Assert.Equal(At(2026, 9, 3, 9, 30), due);
    }

    [Fact]
    public void CalendarDays_LandingOnAWeekend_MoveToMonday()
    {
        // Mon 3/11/2025 + 5 days = Sat 8/11 → Mon 10/11.
        var due = Compute(At(2025, 11, 3, 9, 0), ProcessingTime.Days(5));

        Assert.Equal(At(2025, 11, 10, 17, 0), due);
    }

    [Fact]
    public void CalendarDays_LandingOnTet_MoveToTheFirstWorkingDayAfter()
    {
        // Mon 9/2/2026 + 10 days = Thu 19/2 (mùng 3 Tết) → Mon 23/2.
        var due = Compute(At(2026, 2, 9, 9, 0), ProcessingTime.Days(10));

        Assert.Equal(At(2026, 2, 23, 17, 0), due);
    }

    [Fact]
    public void CalendarDays_LandingOnACompensatoryDay_MoveToTheNextWorkingDay()
    {
        // Wed 22/4/2026 + 5 days = Mon 27/4 (nghỉ bù Giỗ Tổ) → Tue 28/4.
        var due = Compute(At(2026, 4, 22, 9, 0), ProcessingTime.Days(5));

        Assert.Equal(At(2026, 4, 28, 17, 0), due);
    }

    [Fact]
    public void CalendarDays_OnAWorkingDay_DueThatDay()
    {
        var due = Compute(At(2025, 11, 3, 9, 0), ProcessingTime.Days(30));

        Assert.Equal(At(2025, 12, 3, 17, 0), due);
    }
}
