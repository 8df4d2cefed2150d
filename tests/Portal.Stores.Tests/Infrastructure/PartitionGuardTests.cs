using Azure;
using Azure.Data.Tables;
using Portal.Functions.Infrastructure;
using Portal.Testing;

namespace Portal.Stores.Tests.Infrastructure;

/// <summary>
/// Every transaction of ours goes through <see cref="TableTransactions.CommitAsync"/>, which refuses, before
/// sending anything, a batch that Azure would reject: mixed partitions (which Azurite would accept) or too many actions.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PartitionGuardTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Commit_WithTwoPartitionKeys_IsRefusedAndWritesNothing()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.CommitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("dossier-1", "a")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("dossier-2", "b")),
        ], default));

        Assert.Contains("one partition", error.Message, StringComparison.Ordinal);
        await foreach (var _ in table.QueryAsync<TableEntity>()) Assert.Fail("Nothing may be written.");
    }

    [Fact]
    public async Task Commit_WithMoreThanOneHundredActions_IsRefused()
    {
        var table = await azurite.CreateTableAsync();
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}"))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => table.CommitAsync(actions, default));
    }

    [Fact]
    public async Task Commit_InOnePartition_ReturnsTheETagOfEachWriteAndNoneForADelete()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "old"));

        var etags = await table.CommitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "old"), ETag.All),
        ], default);

        Assert.Equal((await table.GetEntityAsync<TableEntity>("p", "new")).Value.ETag, etags[0]);
        Assert.Null(etags[1]);
    }

    [Fact]
    public async Task Commit_WhenAnActionIsRefused_ThrowsOurConflictWithTheActionIndex()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"));

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() => table.CommitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "free")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
        ], default));

        Assert.Equal(WriteConflictKind.AlreadyExists, conflict.Kind);
        Assert.Equal(1, conflict.FailedActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "free")).HasValue);
    }
}
