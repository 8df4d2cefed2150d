using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class ProcessingTimeTests
{
    [Fact]
    public void Parse_CatalogueObject_ReadsValueUnitAndCutOff()
    {
        var time = ProcessingTime.Parse("""{ "value": 0, "unit": "workingDays", "cutOff": "15:00" }""");

        Assert.Equal(ProcessingTime.WorkingDays(0, new TimeOnly(15, 0)), time);
    }

    [Theory]
    [InlineData("""{"value":3,"unit":"workingDays"}""", ProcessingTimeUnit.WorkingDays, 3)]
    [InlineData("""{"value":8,"unit":"workingHours","cutOff":null}""", ProcessingTimeUnit.WorkingHours, 8)]
    [InlineData("""{"value":30,"unit":"days"}""", ProcessingTimeUnit.Days, 30)]
    public void Parse_EachUnit(string json, ProcessingTimeUnit unit, int value)
    {
        var time = ProcessingTime.Parse(json);

        Assert.Equal(unit, time.Unit);
        Assert.Equal(value, time.Value);
        Assert.Null(time.CutOff);
    }

    [Theory]
    [InlineData("""{"value":3,"unit":"weeks"}""")]
    [InlineData("""{"unit":"days"}""")]
    [InlineData("""{"value":"3","unit":"days"}""")]
    [InlineData("""{"value":3,"unit":"days","cutOff":"3pm"}""")]
    [InlineData("""{"value":3,"unit":"days","cutOff":15}""")]
    [InlineData("3")]
    [InlineData("{")]
    public void Parse_Malformed_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => ProcessingTime.Parse(json));

    [Theory]
    [InlineData(-1, "workingDays")]
    [InlineData(1.5, "workingDays")]
    [InlineData(2.5, "days")]
    public void From_NegativeOrFractionalDays_Throws(double value, string unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingTime.From((decimal)value, unit, null));

    [Fact]
    public void From_FractionalHours_IsAllowed()
    {
        Assert.Equal(4.5m, ProcessingTime.From(4.5m, "workingHours", null).Value);
    }

    [Theory]
    [InlineData(3, "workingDays", null, "3 ngày làm việc")]
    [InlineData(0, "workingDays", null, "Trong ngày")]
    [InlineData(0, "workingDays", "15:00", "Trong ngày (nhận sau 15:00 trả ngày làm việc tiếp theo)")]
    [InlineData(2, "workingDays", "15:00", "2 ngày làm việc (nhận sau 15:00 tính từ ngày làm việc tiếp theo)")]
    [InlineData(8, "workingHours", null, "8 giờ làm việc")]
    [InlineData(1.5, "workingHours", null, "1,5 giờ làm việc")]
    [InlineData(30, "days", null, "30 ngày")]
    public void Text_IsVietnamese(double value, string unit, string? cutOff, string expected) =>
        Assert.Equal(expected, ProcessingTime.From((decimal)value, unit, cutOff).Text);

    [Theory]
    [InlineData(ProcessingTimeUnit.WorkingDays, "workingDays")]
    [InlineData(ProcessingTimeUnit.WorkingHours, "workingHours")]
    [InlineData(ProcessingTimeUnit.Days, "days")]
    public void UnitName_RoundTripsThroughFrom(ProcessingTimeUnit unit, string name)
    {
        Assert.Equal(name, ProcessingTime.UnitName(unit));
        Assert.Equal(unit, ProcessingTime.From(1, name, null).Unit);
    }
}
