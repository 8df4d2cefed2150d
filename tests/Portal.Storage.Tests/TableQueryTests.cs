using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueryPage_WithSmallTake_ReturnsContinuationUntilAllRowsAreRead()
    {
        var table = await azurite.CreateTableAsync();
        await InsertRowsAsync(table, "p", 7);
        await InsertRowsAsync(table, "other", 3);

        var rowKeys = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("p"), take: 3, continuationToken: continuation);
            rowKeys.AddRange(page.Items.Select(e => e.RowKey));
            continuation = page.ContinuationToken;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(RowKey), rowKeys);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Query_OverMoreThanOneThousandRows_FollowsServiceContinuations()
    {
        var table = await azurite.CreateTableAsync();
        await InsertRowsAsync(table, "big", 1150);

        var firstPage = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("big"));
        var all = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableFilter.PartitionKeyEquals("big"))) all.Add(entity);

        Assert.Equal(1000, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(1150, all.Count);
        Assert.Equal(1150, all.Select(e => e.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task Query_WithSmallPageSize_StreamsEveryRowInKeyOrder()
    {
        var table = await azurite.CreateTableAsync();
        await InsertRowsAsync(table, "p", 9);

        var rowKeys = new List<string>();
        await foreach (var entity in table.QueryAsync(TableFilter.PartitionKeyEquals("p"), pageSize: 2, select: ["I"])) rowKeys.Add(entity.RowKey);

        Assert.Equal(Enumerable.Range(0, 9).Select(RowKey), rowKeys);
    }

    [Fact]
    public async Task RowKeyRange_ReturnsOnlyKeysInHalfOpenRange()
    {
        var table = await azurite.CreateTableAsync();
        await InsertRowsAsync(table, "p", 10);

        var page = await table.QueryPageAsync(TableFilter.And(TableFilter.PartitionKeyEquals("p"), TableFilter.RowKeyRange(RowKey(3), RowKey(6))));

        Assert.Equal([RowKey(3), RowKey(4), RowKey(5)], page.Items.Select(e => e.RowKey));
    }

    [Fact]
    public async Task RowKeyStartsWith_ReturnsOnlyRowsWithPrefix()
    {
        var table = await azurite.CreateTableAsync();
        foreach (var rowKey in new[] { "event-0001", "event-0002", "eventz", "outbox-0001", "state" })
        {
            await table.InsertAsync(new TableEntity("d", rowKey));
        }

        var page = await table.QueryPageAsync(TableFilter.And(TableFilter.PartitionKeyEquals("d"), TableFilter.RowKeyStartsWith("event-")));

        Assert.Equal(["event-0001", "event-0002"], page.Items.Select(e => e.RowKey));
    }

    [Fact]
    public async Task Filter_WithQuoteInStringLiteral_MatchesExactValueOnly()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "1") { ["Name"] = "O'Neil" });
        await table.InsertAsync(new TableEntity("p", "2") { ["Name"] = "O" });
        await table.InsertAsync(new TableEntity("p", "3") { ["Name"] = "x' or Name ne 'y" });

        var page = await table.QueryPageAsync(TableFilter.Compare("Name", "eq", "O'Neil"));
        var injection = await table.QueryPageAsync(TableFilter.Compare("Name", "eq", "x' or Name ne 'y"));

        Assert.Equal("1", Assert.Single(page.Items).RowKey);
        Assert.Equal("3", Assert.Single(injection.Items).RowKey);
    }

    [Fact]
    public async Task Filter_OnDateTimeAndInt64_ComparesTypedValues()
    {
        var table = await azurite.CreateTableAsync();
        var now = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await table.InsertAsync(new TableEntity("timers", RowKey(i)) { ["DueAt"] = now.AddMinutes(i - 2), ["Seq"] = 10_000_000_000L + i });
        }

        var due = await table.QueryPageAsync(TableFilter.And(TableFilter.PartitionKeyEquals("timers"), TableFilter.Compare("DueAt", "le", now)));
        var late = await table.QueryPageAsync(TableFilter.Compare("Seq", "ge", 10_000_000_003L));

        Assert.Equal([RowKey(0), RowKey(1), RowKey(2)], due.Items.Select(e => e.RowKey));
        Assert.Equal([RowKey(3), RowKey(4)], late.Items.Select(e => e.RowKey));
    }

    [Fact]
    public async Task Select_ReturnsOnlyChosenProperties()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var page = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("p"), select: ["A"]);
        var entity = Assert.Single(page.Items);

        Assert.Equal("a", entity.GetString("A"));
        Assert.False(entity.ContainsKey("B"));
        Assert.Equal(("p", "r"), (entity.PartitionKey, entity.RowKey));
    }

    [Fact]
    public async Task QueryPage_WithForeignContinuationToken_Throws()
    {
        var table = await azurite.CreateTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.QueryPageAsync(continuationToken: "not-a-token"));
    }

    private static string RowKey(int i) => i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    // Inserted in transactions of 100 so a large partition is quick to build.
    private static async Task InsertRowsAsync(TableClient table, string partitionKey, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => TableTransactionAction.Insert(new TableEntity(partitionKey, RowKey(i)) { ["I"] = i })).ToList());
        }
    }
}
