using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableEntityTypesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AllPropertyTypes_RoundTripWithTheirTypes()
    {
        var table = await azurite.CreateTableAsync();
        var submittedAt = new DateTimeOffset(2025, 1, 29, 8, 30, 15, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var id = Guid.NewGuid();
        byte[] bytes = [0, 1, 2, 254, 255];
        var entity = new TableEntity("p", "r")
        {
            ["FullName"] = "Nguyễn Thị Ánh Tuyết – phường Bến Thành, Tây Ninh",
            ["Count"] = 42,
            ["Big"] = 9_007_199_254_740_993L, // 2^53 + 1: lost if it travelled as a JSON double
            ["Min"] = long.MinValue,
            ["Fee"] = 2.0,
            ["Ratio"] = 0.1,
            ["Paid"] = true,
            ["SubmittedAt"] = submittedAt,
            ["Id"] = id,
            ["Photo"] = bytes,
        };

        await table.InsertAsync(entity);
        var read = (await table.GetAsync("p", "r"))!;

        Assert.Equal("Nguyễn Thị Ánh Tuyết – phường Bến Thành, Tây Ninh", read.GetString("FullName"));
        Assert.IsType<int>(read["Count"]);
        Assert.Equal(42, read.GetInt32("Count"));
        Assert.IsType<long>(read["Big"]);
        Assert.Equal(9_007_199_254_740_993L, read.GetInt64("Big"));
        Assert.Equal(long.MinValue, read.GetInt64("Min"));
        Assert.IsType<double>(read["Fee"]);
        Assert.Equal(2.0, read.GetDouble("Fee"));
        Assert.Equal(0.1, read.GetDouble("Ratio"));
        Assert.True(read.GetBoolean("Paid"));
        Assert.Equal(submittedAt, read.GetDateTimeOffset("SubmittedAt"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("SubmittedAt")!.Value.Offset);
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(bytes, read.GetBinary("Photo"));
    }

    [Fact]
    public async Task TypedProperties_SurviveQueriesToo()
    {
        var table = await azurite.CreateTableAsync();
        var at = DateTimeOffset.UtcNow;
        await table.InsertAsync(new TableEntity("p", "r") { ["Big"] = long.MaxValue, ["At"] = at, ["Id"] = Guid.Empty });

        var page = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("p"));
        var read = Assert.Single(page.Items);

        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.Equal(at, read.GetDateTimeOffset("At"));
        Assert.Equal(Guid.Empty, read.GetGuid("Id"));
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public void Indexer_WithNull_RemovesProperty()
    {
        var entity = new TableEntity("p", "r") { ["A"] = "a" };

        entity["A"] = null;

        Assert.False(entity.ContainsKey("A"));
        Assert.Null(entity.GetString("A"));
    }

    [Fact]
    public void Indexer_WithLocalDateTime_StoresUtcDateTimeOffset()
    {
        var local = new DateTimeOffset(2025, 3, 1, 15, 0, 0, TimeSpan.FromHours(7));

        var entity = new TableEntity("p", "r") { ["At"] = local };

        Assert.Equal(TimeSpan.Zero, entity.GetDateTimeOffset("At")!.Value.Offset);
        Assert.Equal(local, entity.GetDateTimeOffset("At"));
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    [InlineData("has space")]
    public void Indexer_WithReservedOrInvalidName_Throws(string name)
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity[name] = "x");
    }

    [Fact]
    public void Indexer_WithUnsupportedType_Throws()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["Amount"] = 1.5m);
    }

    [Fact]
    public void TypedGetter_OnOtherType_ThrowsInvalidCast()
    {
        var entity = new TableEntity("p", "r") { ["Name"] = "An" };

        Assert.Throws<InvalidCastException>(() => entity.GetInt64("Name"));
    }

    [Fact]
    public void TypedGetters_WidenIntegers()
    {
        var entity = new TableEntity("p", "r") { ["Small"] = 7, ["Large"] = 7L };

        Assert.Equal(7L, entity.GetInt64("Small"));
        Assert.Equal(7, entity.GetInt32("Large"));
        Assert.Equal(7.0, entity.GetDouble("Small"));
    }
}
