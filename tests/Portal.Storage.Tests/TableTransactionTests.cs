using Portal.Testing;

namespace Portal.Storage.Tests;

/// <summary>
/// Entity group transactions ($batch) on Azurite. The finding these tests pin down: Azurite 3.37 applies a
/// changeset atomically. When any action fails, the actions before it are rolled back (inserts removed,
/// upserts/merges and deletes undone, ETags unchanged), and the error names the failed action's index.
/// That matches Azure Table storage's documented behaviour, so a dossier's state row, event rows and outbox
/// rows written in one transaction either all land or none does.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Transaction_WhenAllActionsSucceed_ReturnsETagPerActionMatchingStoredEntities()
    {
        var table = await azurite.CreateTableAsync();
        var stateETag = await table.InsertAsync(new TableEntity("d1", "state") { ["Status"] = "Submitted", ["Version"] = 1 });
        await table.InsertAsync(new TableEntity("d1", "outbox-0001"));

        var etags = await table.SubmitTransactionAsync(
        [
            TableTransactionAction.Update(new TableEntity("d1", "state") { ["Status"] = "Accepted", ["Version"] = 2 }, stateETag),
            TableTransactionAction.Insert(new TableEntity("d1", "event-0002") { ["Kind"] = "Accepted" }),
            TableTransactionAction.Upsert(new TableEntity("d1", "outbox-0002") { ["Topic"] = "dossier-accepted" }, TableUpdateMode.Merge),
            TableTransactionAction.Delete("d1", "outbox-0001"),
        ]);

        Assert.Equal(4, etags.Count);
        Assert.Equal((await table.GetAsync("d1", "state"))!.ETag, etags[0]);
        Assert.Equal((await table.GetAsync("d1", "event-0002"))!.ETag, etags[1]);
        Assert.Equal((await table.GetAsync("d1", "outbox-0002"))!.ETag, etags[2]);
        Assert.Null(etags[3]);
        Assert.Null(await table.GetAsync("d1", "outbox-0001"));
        Assert.Equal("Accepted", (await table.GetAsync("d1", "state"))!.GetString("Status"));
    }

    [Fact]
    public async Task Transaction_WhenThirdInsertConflicts_WritesNothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r3") { ["Owner"] = "first" });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Insert(new TableEntity("p", "r1")),
            TableTransactionAction.Insert(new TableEntity("p", "r2")),
            TableTransactionAction.Insert(new TableEntity("p", "r3") { ["Owner"] = "second" }),
        ]));

        Assert.Equal(2, error.FailedActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Null(await table.GetAsync("p", "r1"));
        Assert.Null(await table.GetAsync("p", "r2"));
        Assert.Equal("first", (await table.GetAsync("p", "r3"))!.GetString("Owner"));
        Assert.Equal(["r3"], await RowKeysAsync(table, "p"));
    }

    [Fact]
    public async Task Transaction_WhenUpdateHasStaleETag_RollsBackEarlierInsertAndUpsert()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "a") { ["V"] = 1 });
        var staleETag = await table.InsertAsync(new TableEntity("p", "b") { ["V"] = 1 });
        var currentETag = await table.UpsertAsync(new TableEntity("p", "b") { ["V"] = 2 });
        var aETag = (await table.GetAsync("p", "a"))!.ETag;

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Insert(new TableEntity("p", "0-new")),
            TableTransactionAction.Upsert(new TableEntity("p", "a") { ["V"] = 99 }),
            TableTransactionAction.Update(new TableEntity("p", "b") { ["V"] = 3 }, staleETag),
        ]));

        Assert.Equal(2, error.FailedActionIndex);
        Assert.Equal(412, error.Status);
        Assert.Null(await table.GetAsync("p", "0-new"));
        var a = (await table.GetAsync("p", "a"))!;
        Assert.Equal(1, a.GetInt32("V"));
        Assert.Equal(aETag, a.ETag);
        var b = (await table.GetAsync("p", "b"))!;
        Assert.Equal(2, b.GetInt32("V"));
        Assert.Equal(currentETag, b.ETag);
    }

    [Fact]
    public async Task Transaction_WhenLastActionFails_RestoresDeletedAndMergedEntities()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "to-delete") { ["V"] = 1 });
        await table.InsertAsync(new TableEntity("p", "to-merge") { ["V"] = 1, ["Keep"] = "yes" });
        await table.InsertAsync(new TableEntity("p", "taken"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Delete("p", "to-delete"),
            TableTransactionAction.Update(new TableEntity("p", "to-merge") { ["V"] = 2 }, "*", TableUpdateMode.Merge),
            TableTransactionAction.Insert(new TableEntity("p", "taken")),
        ]));

        Assert.Equal(2, error.FailedActionIndex);
        Assert.Equal(1, (await table.GetAsync("p", "to-delete"))!.GetInt32("V"));
        var merged = (await table.GetAsync("p", "to-merge"))!;
        Assert.Equal(1, merged.GetInt32("V"));
        Assert.Equal("yes", merged.GetString("Keep"));
    }

    [Fact]
    public async Task Transaction_WhenFirstActionFails_ReportsIndexZero()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Update(new TableEntity("p", "missing"), "*"),
            TableTransactionAction.Insert(new TableEntity("p", "r1")),
        ]));

        Assert.Equal(0, error.FailedActionIndex);
        Assert.Equal(404, error.Status);
        Assert.Null(await table.GetAsync("p", "r1"));
    }

    [Fact]
    public async Task Transaction_WithOneHundredActions_Succeeds()
    {
        var table = await azurite.CreateTableAsync();

        var etags = await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => TableTransactionAction.Insert(new TableEntity("p", $"r{i:D3}") { ["Text"] = "Ủy ban nhân dân xã " + i }))
            .ToList());

        Assert.Equal(100, etags.Count);
        Assert.All(etags, Assert.NotNull);
        Assert.Equal(100, (await RowKeysAsync(table, "p")).Count);
    }

    [Fact]
    public async Task Transaction_WithMixedPartitions_ThrowsBeforeSending()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Insert(new TableEntity("p1", "r")),
            TableTransactionAction.Insert(new TableEntity("p2", "r")),
        ]));
    }

    [Fact]
    public async Task Transaction_WithSameEntityTwice_ThrowsBeforeSending()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Insert(new TableEntity("p", "r")),
            TableTransactionAction.Delete("p", "r"),
        ]));
    }

    [Fact]
    public async Task Transaction_WithMoreThanOneHundredActions_ThrowsBeforeSending()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => TableTransactionAction.Insert(new TableEntity("p", $"r{i}"))).ToList()));
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partitionKey)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync(TableFilter.PartitionKeyEquals(partitionKey))) keys.Add(entity.RowKey);
        return keys;
    }
}
