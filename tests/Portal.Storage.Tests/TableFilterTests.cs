namespace Portal.Storage.Tests;

public sealed class TableFilterTests
{
    [Fact]
    public void PartitionKeyEquals_DoublesSingleQuotes()
    {
        var filter = TableFilter.PartitionKeyEquals("O'Neil's");

        Assert.Equal("PartitionKey eq 'O''Neil''s'", filter);
    }

    [Fact]
    public void And_ParenthesisesEachCondition()
    {
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals("p"), TableFilter.RowKeyRange("a", "b"));

        Assert.Equal("(PartitionKey eq 'p') and ((RowKey ge 'a') and (RowKey lt 'b'))", filter);
    }

    [Fact]
    public void Or_WithOneCondition_ReturnsItUnchanged()
    {
        Assert.Equal("RowKey eq 'x'", TableFilter.Or(TableFilter.RowKeyEquals("x")));
    }

    [Fact]
    public void RowKeyStartsWith_IsRangeUpToNextPrefix()
    {
        Assert.Equal("(RowKey ge 'event-') and (RowKey lt 'event.')", TableFilter.RowKeyStartsWith("event-"));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(42L, "42L")]
    [InlineData(1.5, "1.5")]
    [InlineData(2.0, "2.0")]
    [InlineData(true, "true")]
    public void Literal_FormatsNumbersAndBooleansInvariantly(object value, string expected)
    {
        Assert.Equal(expected, TableFilter.Literal(value));
    }

    [Fact]
    public void Literal_DateTimeOffset_IsUtcDatetimeLiteral()
    {
        var vietnamTime = new DateTimeOffset(2025, 1, 29, 7, 0, 0, TimeSpan.FromHours(7));

        Assert.Equal("datetime'2025-01-29T00:00:00.0000000Z'", TableFilter.Literal(vietnamTime));
    }

    [Fact]
    public void Literal_GuidAndBinary_UseTypedLiterals()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableFilter.Literal(id));
        Assert.Equal("X'00ff'", TableFilter.Literal(new byte[] { 0, 255 }));
    }

    [Theory]
    [InlineData("Name; drop", "eq")]
    [InlineData("Name", "contains")]
    public void Compare_WithBadPropertyOrOperator_Throws(string property, string operation)
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Compare(property, operation, "x"));
    }

    [Fact]
    public void Literal_WithUnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(1.5m));
    }
}
