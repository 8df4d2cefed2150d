using Azure;
using Azure.Data.Tables;
using Portal.Testing;

namespace Portal.Stores.Tests.Infrastructure;

/// <summary>
/// Entity-group transactions on Azurite through the SDK's <see cref="TableClient.SubmitTransactionAsync"/>. The
/// finding these tests pin down: Azurite 3.37 applies a changeset atomically. When any action fails, the actions
/// before it are rolled back (inserts removed, upserts and deletes undone, ETags unchanged) and the error names the
/// failed action. That matches Azure's documented behaviour, which our dossier commit relies on.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Transaction_WhenAllActionsSucceed_AppliesEveryActionAndReturnsTheirETags()
    {
        var table = await azurite.CreateTableAsync();
        var state = await table.AddEntityAsync(new TableEntity("d1", "state") { ["Status"] = "Submitted", ["Version"] = 1 });
        await table.AddEntityAsync(new TableEntity("d1", "outbox-0001"));

        var response = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("d1", "state") { ["Status"] = "Accepted", ["Version"] = 2 }, state.Headers.ETag!.Value),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("d1", "event-0002") { ["Kind"] = "Accepted" }),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("d1", "outbox-0002") { ["Topic"] = "dossier-accepted" }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("d1", "outbox-0001"), ETag.All),
        ]);

        Assert.Equal(4, response.Value.Count);
        var stored = (await table.GetEntityAsync<TableEntity>("d1", "state")).Value;
        Assert.Equal(stored.ETag, response.Value[0].Headers.ETag);
        Assert.Equal("Accepted", stored.GetString("Status"));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("d1", "event-0002")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("d1", "outbox-0001")).HasValue);
    }

    [Fact]
    public async Task Transaction_WhenThirdInsertConflicts_WritesNothingAndNamesTheAction()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r3") { ["Owner"] = "first" });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r1")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r2")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r3") { ["Owner"] = "second" }),
        ]));

        Assert.Equal(409, error.Status);
        Assert.Equal(2, error.FailedTransactionActionIndex);
        Assert.Equal(["r3"], await RowKeysAsync(table, "p"));
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "r3")).Value.GetString("Owner"));
    }

    [Fact]
    public async Task Transaction_WhenUpdateHasStaleETag_RollsBackEarlierInsertUpsertAndDelete()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "a") { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "gone") { ["V"] = 1 });
        var stale = (await table.AddEntityAsync(new TableEntity("p", "b") { ["V"] = 1 })).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "b") { ["V"] = 2 });
        var before = (await table.GetEntityAsync<TableEntity>("p", "a")).Value.ETag;

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "0-new")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "a") { ["V"] = 99 }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "gone"), ETag.All),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "b") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(3, error.FailedTransactionActionIndex);
        Assert.Equal(["a", "b", "gone"], await RowKeysAsync(table, "p"));
        var a = (await table.GetEntityAsync<TableEntity>("p", "a")).Value;
        Assert.Equal(1, a.GetInt32("V"));
        Assert.Equal(before, a.ETag);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "b")).Value.GetInt32("V"));
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partition)
    {
        var keys = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))) keys.Add(e.RowKey);
        return keys;
    }
}
