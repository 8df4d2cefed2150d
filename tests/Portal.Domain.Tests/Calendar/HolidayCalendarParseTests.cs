using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class HolidayCalendarParseTests
{
    [Fact]
    public void Parse_MinimalObject_UsesDefaults()
    {
        var data = HolidayCalendar.Parse("{}");

        Assert.Equal(HolidayCalendar.DefaultOfficeHours, data.OfficeHours);
        Assert.Empty(data.Days);
        Assert.Equal(2, data.Weekend.Count);
    }

    [Fact]
    public void Parse_ReadsEntries_AndIgnoresUnknownProperties()
    {
        var data = HolidayCalendar.Parse("""
            { "notes": ["x"], "officeHours": [{"start":"08:00","end":"12:00"}], "weekend": ["Sunday"],
              "days": [{"date":"2030-01-01","name":"Tết Dương lịch","kind":"holiday","confirmed":false,"note":"dự kiến","extra":1}],
              "workingWeekends": [{"date":"2030-01-06","name":"làm bù"}] }
            """);

        Assert.Equal([new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0))], data.OfficeHours);
        Assert.Equal([DayOfWeek.Sunday], data.Weekend);
        var day = Assert.Single(data.Days);
        Assert.Equal(new DayOff(new DateOnly(2030, 1, 1), "Tết Dương lịch", HolidayKind.Holiday, false, "dự kiến"), day);
        Assert.Equal(new DateOnly(2030, 1, 6), Assert.Single(data.WorkingWeekends).Date);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"days":[{"date":"2025-13-01","name":"x","kind":"holiday"}]}""")]
    [InlineData("""{"days":[{"date":"2025-01-01","name":"x","kind":"vacation"}]}""")]
    [InlineData("""{"days":[{"date":"2025-01-01","kind":"holiday"}]}""")]
    [InlineData("""{"officeHours":[{"start":"7:30am","end":"11:30"}]}""")]
    [InlineData("""{"weekend":["Caturday"]}""")]
    [InlineData("""{"days":[{"date":"2025-01-01","name":"x","kind":"holiday","confirmed":"yes"}]}""")]
    public void Parse_MalformedData_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => HolidayCalendar.Parse(json));

    [Theory]
    [InlineData("""{"officeHours":[]}""")]
    [InlineData("""{"officeHours":[{"start":"13:00","end":"17:00"},{"start":"07:30","end":"11:30"}]}""")]
    [InlineData("""{"officeHours":[{"start":"17:00","end":"07:30"}]}""")]
    [InlineData("""{"days":[{"date":"2025-01-01","name":"x","kind":"holiday"},{"date":"2025-01-01","name":"y","kind":"holiday"}]}""")]
    [InlineData("""{"workingWeekends":[{"date":"2025-04-25","name":"a Friday"}]}""")]
    [InlineData("""{"days":[{"date":"2025-04-26","name":"x","kind":"holiday"}],"workingWeekends":[{"date":"2025-04-26","name":"y"}]}""")]
    [InlineData("""{"weekend":["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]}""")]
    public void Parse_InconsistentData_ThrowsArgumentException(string json) =>
        Assert.Throws<ArgumentException>(() => HolidayCalendar.Parse(json));
}
