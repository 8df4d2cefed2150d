using Azure;
using Azure.Data.Tables;
using Portal.Functions.Infrastructure;
using Portal.Testing;

namespace Portal.Stores.Tests.Infrastructure;

/// <summary>The one mapping from the SDK's refusals of a conditional write to our conflict.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageConflictsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task InsertOfAnExistingRow_IsAlreadyExists()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() => StorageConflicts.WriteAsync(() => table.AddEntityAsync(new TableEntity("p", "r"))));

        Assert.Equal(WriteConflictKind.AlreadyExists, conflict.Kind);
        Assert.Null(conflict.FailedActionIndex);
    }

    [Fact]
    public async Task UpdateWithAStaleETag_IsChanged()
    {
        var table = await azurite.CreateTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 })).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() =>
            StorageConflicts.WriteAsync(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, stale, TableUpdateMode.Replace)));

        Assert.Equal(WriteConflictKind.Changed, conflict.Kind);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task OtherFailures_AreNotConflicts()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            StorageConflicts.WriteAsync(() => table.UpdateEntityAsync(new TableEntity("p", "missing"), ETag.All, TableUpdateMode.Replace)));

        Assert.Equal(404, error.Status);
        Assert.Null(StorageConflicts.Map(error));
    }
}
