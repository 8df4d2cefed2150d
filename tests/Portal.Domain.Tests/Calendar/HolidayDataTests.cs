using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class HolidayDataTests
{
    private static readonly WorkingCalendar Cal = RealCalendar.Calendar;

    [Fact]
    public void DataFile_Loads_WithDefaultOfficeHoursAndFourYears()
    {
        var data = HolidayCalendar.Parse(RealCalendar.Json);

        Assert.Equal(HolidayCalendar.DefaultOfficeHours, data.OfficeHours);
        Assert.True(data.Weekend.SetEquals([DayOfWeek.Saturday, DayOfWeek.Sunday]));
        Assert.Equal([2024, 2025, 2026, 2027], data.Years);
    }

    [Theory]
    [InlineData(2024, 2, 8)]
    [InlineData(2024, 2, 14)]
    [InlineData(2024, 4, 18)]
    [InlineData(2024, 4, 29)]
    [InlineData(2024, 9, 3)]
    [InlineData(2025, 1, 1)]
    [InlineData(2025, 1, 27)]
    [InlineData(2025, 1, 31)]
    [InlineData(2025, 4, 7)]
    [InlineData(2025, 5, 2)]
    [InlineData(2025, 9, 1)]
    [InlineData(2026, 1, 2)]
    [InlineData(2026, 2, 16)]
    [InlineData(2026, 2, 20)]
    [InlineData(2026, 4, 27)]
    [InlineData(2026, 8, 31)]
    [InlineData(2027, 4, 16)]
    [InlineData(2027, 5, 3)]
    public void KnownDaysOff_AreNotWorkingDays(int year, int month, int day) =>
        Assert.False(Cal.IsWorkingDay(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2025, 4, 26)]
    [InlineData(2026, 1, 10)]
    [InlineData(2026, 8, 22)]
    public void WorkedSaturdays_AreWorkingDays(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(DayOfWeek.Saturday, date.DayOfWeek);
        Assert.True(Cal.IsWorkingDay(date));
    }

    [Fact]
    public void Tet2025_IsNineDaysOff_From25JanuaryTo2February()
    {
        var off = Enumerable.Range(0, 11).Select(i => new DateOnly(2025, 1, 24).AddDays(i)).Where(d => !Cal.IsWorkingDay(d)).ToList();

        Assert.Equal(new DateOnly(2025, 1, 25), off.First());
        Assert.Equal(new DateOnly(2025, 2, 2), off.Last());
        Assert.Equal(9, off.Count);
    }

    [Fact]
    public void Tet2026_IsNineDaysOff_From14To22February()
    {
        var off = Enumerable.Range(0, 11).Select(i => new DateOnly(2026, 2, 13).AddDays(i)).Where(d => !Cal.IsWorkingDay(d)).ToList();

        Assert.Equal(new DateOnly(2026, 2, 14), off.First());
        Assert.Equal(new DateOnly(2026, 2, 22), off.Last());
        Assert.Equal(9, off.Count);
    }

    [Fact]
    public void HungKings2026_OnSunday_GivesCompensatoryMonday()
    {
        var sunday = Cal.DayOffOn(new DateOnly(2026, 4, 26));
        var monday = Cal.DayOffOn(new DateOnly(2026, 4, 27));

        Assert.Equal(HolidayKind.Holiday, sunday?.Kind);
        Assert.Equal(HolidayKind.Compensatory, monday?.Kind);
        Assert.True(Cal.IsWorkingDay(new DateOnly(2026, 4, 28)));
    }

    [Fact]
    public void EverySwappedDay_HasAWorkedSaturdayInTheSameYear()
    {
        var data = Cal.Data;

        foreach (var swap in data.Days.Where(d => d.Kind == HolidayKind.Swap))
            Assert.Contains(data.WorkingWeekends, w => w.Date.Year == swap.Date.Year && Math.Abs(w.Date.DayNumber - swap.Date.DayNumber) <= 14);
        Assert.Equal(data.Days.Count(d => d.Kind == HolidayKind.Swap), data.WorkingWeekends.Count);
    }

    [Fact]
    public void EveryYear_HasTheElevenStatutoryHolidayDays()
    {
        // Labour Code 2019 art. 112: 1 (New Year) + 5 (Tết) + 1 (Hùng Kings) + 1 + 1 (30/4, 1/5) + 2 (National Day).
        foreach (var year in Cal.Data.Years)
            Assert.Equal(11, Cal.Data.Days.Count(d => d.Date.Year == year && d.Kind == HolidayKind.Holiday));
    }

    [Fact]
    public void UnconfirmedEntries_ExplainWhy_AndConfirmedEntriesNameASource()
    {
        foreach (var day in Cal.Data.Days)
        {
            if (day.Confirmed) Assert.False(string.IsNullOrWhiteSpace(day.Source), $"{day.Date} has no source");
            else Assert.False(string.IsNullOrWhiteSpace(day.Note), $"{day.Date} has no note");
        }
        Assert.All(Cal.Data.Days.Where(d => d.Date.Year == 2027), d => Assert.False(d.Confirmed));
    }

    [Fact]
    public void Covers_TheYearsOfTheData_Only()
    {
        Assert.True(Cal.Covers(new DateOnly(2026, 6, 1)));
        Assert.False(Cal.Covers(new DateOnly(2028, 6, 1)));
    }
}
