using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = RealCalendar.Calendar;

    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0);

    [Fact]
    public void Weekend_IsNotWorking_AndWeekdayIs()
    {
        Assert.False(Cal.IsWorkingDay(new DateOnly(2025, 11, 22)));
        Assert.False(Cal.IsWorkingDay(new DateOnly(2025, 11, 23)));
        Assert.True(Cal.IsWorkingDay(new DateOnly(2025, 11, 24)));
    }

    [Fact]
    public void NextWorkingDay_SkipsTheNewYearSwapAndWeekend()
    {
        // 1/1/2026 holiday, 2/1 swapped day off, 3–4/1 weekend.
        Assert.Equal(new DateOnly(2026, 1, 5), Cal.NextWorkingDay(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void AddWorkingDays_CountsFromTheDayAfter_AndZeroKeepsAWorkingDay()
    {
        var tuesday = new DateOnly(2025, 11, 18);

        Assert.Equal(tuesday, Cal.AddWorkingDays(tuesday, 0));
        Assert.Equal(new DateOnly(2025, 11, 21), Cal.AddWorkingDays(tuesday, 3));
        Assert.Equal(new DateOnly(2025, 11, 24), Cal.AddWorkingDays(tuesday, 4));
        Assert.Equal(new DateOnly(2025, 11, 14), Cal.AddWorkingDays(tuesday, -2));
    }

    [Fact]
    public void AddWorkingDays_FromSunday_ZeroMovesToMonday()
    {
        Assert.Equal(new DateOnly(2025, 11, 24), Cal.AddWorkingDays(new DateOnly(2025, 11, 23), 0));
    }

    [Fact]
    public void CountWorkingDays_ExcludesTet()
    {
        // 24/1/2025 (Fri) to 7/2/2025 (Fri): only 3–7 February are working days.
        Assert.Equal(5, Cal.CountWorkingDays(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 7)));
        Assert.Equal(-5, Cal.CountWorkingDays(new DateOnly(2025, 2, 7), new DateOnly(2025, 1, 24)));
    }

    [Theory]
    [InlineData(7, 29, false)]
    [InlineData(7, 30, true)]
    [InlineData(11, 29, true)]
    [InlineData(11, 30, false)]
    [InlineData(12, 0, false)]
    [InlineData(13, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void IsOfficeTime_StartInclusive_EndExclusive(int hour, int minute, bool expected) =>
        Assert.Equal(expected, Cal.IsOfficeTime(Local(2025, 11, 18, hour, minute)));

    [Theory]
    [InlineData(6, 0, 18, 7, 30)]
    [InlineData(9, 15, 18, 9, 15)]
    [InlineData(11, 30, 18, 13, 0)]
    [InlineData(12, 10, 18, 13, 0)]
    [InlineData(17, 0, 19, 7, 30)]
    [InlineData(22, 0, 19, 7, 30)]
    public void NextOfficeTime_MovesToTheNextOfficePeriod(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute) =>
        Assert.Equal(Local(2025, 11, expectedDay, expectedHour, expectedMinute), Cal.NextOfficeTime(Local(2025, 11, 18, hour, minute)));

    [Fact]
    public void NextOfficeTime_OnFridayEvening_IsMondayMorning()
    {
        Assert.Equal(Local(2025, 11, 24, 7, 30), Cal.NextOfficeTime(Local(2025, 11, 21, 17, 30)));
    }

    [Fact]
    public void AddWorkingHours_SpansLunch()
    {
        // 10:00–11:30 is 1.5 h, then 2.5 h from 13:00.
        Assert.Equal(Local(2025, 11, 18, 15, 30), Cal.AddWorkingHours(Local(2025, 11, 18, 10, 0), 4));
    }

    [Fact]
    public void AddWorkingHours_SpansLunchAndNight()
    {
        // 1.5 h before lunch + 4 h afternoon, 2.5 h the next morning.
        Assert.Equal(Local(2025, 11, 19, 10, 0), Cal.AddWorkingHours(Local(2025, 11, 18, 10, 0), 8));
    }

    [Fact]
    public void AddWorkingHours_EndingAtClose_StaysAtClose()
    {
        Assert.Equal(Local(2025, 11, 18, 17, 0), Cal.AddWorkingHours(Local(2025, 11, 18, 13, 0), 4));
        Assert.Equal(Local(2025, 11, 18, 11, 30), Cal.AddWorkingHours(Local(2025, 11, 18, 7, 30), 4));
    }

    [Fact]
    public void AddWorkingHours_FromFridayAfternoon_SkipsTheWeekend()
    {
        Assert.Equal(Local(2025, 11, 24, 9, 30), Cal.AddWorkingHours(Local(2025, 11, 21, 15, 0), 4));
    }

    [Fact]
    public void AddWorkingTime_RejectsNegativeDurations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingTime(Local(2025, 11, 18, 9), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void WorkingTimeBetween_ExcludesLunchNightAndWeekend()
    {
        // Fri 21/11 16:00 → Mon 24/11 08:30: 1 h on Friday + 1 h on Monday.
        var between = Cal.WorkingTimeBetween(Local(2025, 11, 21, 16, 0), Local(2025, 11, 24, 8, 30));

        Assert.Equal(TimeSpan.FromHours(2), between);
        Assert.Equal(TimeSpan.FromHours(-2), Cal.WorkingTimeBetween(Local(2025, 11, 24, 8, 30), Local(2025, 11, 21, 16, 0)));
        Assert.Equal(TimeSpan.FromHours(1.5), Cal.WorkingTimeBetween(Local(2025, 11, 18, 11, 0), Local(2025, 11, 18, 14, 0)));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossTet2026_CountsOnlyWorkingDays()
    {
        // Fri 13/2/2026 07:30 → Mon 23/2/2026 07:30: only Friday 13/2 counts (8 h).
        var between = Cal.WorkingTimeBetween(RealCalendar.At(2026, 2, 13, 7, 30), RealCalendar.At(2026, 2, 23, 7, 30));

        Assert.Equal(TimeSpan.FromHours(8), between);
    }

    [Fact]
    public void DateTimeOffsetOverloads_ConvertToVietnamTime()
    {
        // 02:00 UTC is 09:00 in Vietnam.
        var instant = new DateTimeOffset(2025, 11, 18, 2, 0, 0, TimeSpan.Zero);

        Assert.True(Cal.IsOfficeTime(instant));
        Assert.Equal(RealCalendar.At(2025, 11, 18, 11, 0), Cal.AddWorkingTime(instant, TimeSpan.FromHours(2)));
        Assert.Equal(VietnamTime.Offset, Cal.AddWorkingTime(instant, TimeSpan.FromHours(2)).Offset);
    }

    [Fact]
    public void UtcDateTime_IsRefused()
    {
        var utc = new DateTime(2025, 11, 18, 2, 0, 0, DateTimeKind.Utc);

        Assert.Throws<ArgumentException>(() => Cal.NextOfficeTime(utc));
    }

    [Fact]
    public void DatesBeyondTheData_KnowOnlyWeekends()
    {
        // 2/9/2028 is a Saturday; 4/9/2028 a Monday that no data marks off.
        Assert.True(Cal.IsWorkingDay(new DateOnly(2028, 9, 4)));
        Assert.False(Cal.Covers(new DateOnly(2028, 9, 4)));
    }
}
