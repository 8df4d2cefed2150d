using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateIfNotExists_WhenTableExists_ReturnsFalse()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        var first = await table.CreateIfNotExistsAsync();
        var second = await table.CreateIfNotExistsAsync();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task DeleteTable_RemovesTableAndReportsMissingTheSecondTime()
    {
        var table = await azurite.CreateTableAsync();

        var deleted = await table.DeleteTableAsync();
        var deletedAgain = await table.DeleteTableAsync();

        Assert.True(deleted);
        Assert.False(deletedAgain);
    }

    [Fact]
    public async Task Insert_ThenGet_ReturnsEntityWithSameETagAndTimestamp()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("hs-001", "state") { ["Status"] = "Submitted", ["Version"] = 1 };

        var etag = await table.InsertAsync(entity);
        var read = await table.GetAsync("hs-001", "state");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(etag, entity.ETag);
        Assert.Equal("Submitted", read.GetString("Status"));
        Assert.Equal(1, read.GetInt32("Version"));
        Assert.NotNull(read.Timestamp);
        Assert.InRange(read.Timestamp.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Insert_WhenEntityExists_ThrowsEntityAlreadyExists()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => table.InsertAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.IsAssignableFrom<Azure.RequestFailedException>(error);
    }

    [Fact]
    public async Task Get_WhenEntityMissing_ReturnsNull()
    {
        var table = await azurite.CreateTableAsync();

        var read = await table.GetAsync("nobody", "nothing");

        Assert.Null(read);
    }

    [Fact]
    public async Task Get_WhenTableMissing_ThrowsInsteadOfReturningNull()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.GetAsync("p", "r"));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Upsert_Replace_DropsPropertiesNotInNewEntity()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Replace);
        var read = await table.GetAsync("p", "r");

        Assert.Equal("a2", read!.GetString("A"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task Upsert_Merge_KeepsPropertiesNotInNewEntity()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge);
        var read = await table.GetAsync("p", "r");

        Assert.Equal("a2", read!.GetString("A"));
        Assert.Equal("b", read.GetString("B"));
    }

    [Fact]
    public async Task Upsert_WhenEntityMissing_InsertsIt()
    {
        var table = await azurite.CreateTableAsync();

        var etag = await table.UpsertAsync(new TableEntity("p", "new") { ["A"] = 1 }, TableUpdateMode.Merge);
        var read = await table.GetAsync("p", "new");

        Assert.Equal(etag, read!.ETag);
        Assert.Equal(1, read.GetInt32("A"));
    }

    [Fact]
    public async Task Update_WithCurrentETag_ReplacesAndReturnsNewETag()
    {
        var table = await azurite.CreateTableAsync();
        var etag = await table.InsertAsync(new TableEntity("p", "r") { ["Status"] = "Submitted" });

        var newETag = await table.UpdateAsync(new TableEntity("p", "r") { ["Status"] = "Accepted" }, etag);
        var read = await table.GetAsync("p", "r");

        Assert.NotEqual(etag, newETag);
        Assert.Equal(newETag, read!.ETag);
        Assert.Equal("Accepted", read.GetString("Status"));
    }

    [Fact]
    public async Task Update_WithStaleETag_ThrowsConcurrencyConflictAndKeepsWinner()
    {
        var table = await azurite.CreateTableAsync();
        var original = await table.InsertAsync(new TableEntity("p", "r") { ["Status"] = "Submitted" });
        await table.UpdateAsync(new TableEntity("p", "r") { ["Status"] = "Accepted" }, original);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => table.UpdateAsync(new TableEntity("p", "r") { ["Status"] = "Rejected" }, original, TableUpdateMode.Merge));
        var read = await table.GetAsync("p", "r");

        Assert.Equal(412, error.Status);
        Assert.Equal("Accepted", read!.GetString("Status"));
    }

    [Fact]
    public async Task Update_WithWildcardETag_OverwritesWhateverIsStored()
    {
        var table = await azurite.CreateTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["Status"] = "Submitted" });

        await table.UpdateAsync(new TableEntity("p", "r") { ["Status"] = "Accepted" }, "*");
        var read = await table.GetAsync("p", "r");

        Assert.Equal("Accepted", read!.GetString("Status"));
    }

    [Fact]
    public async Task Update_WhenEntityMissing_ThrowsEntityNotFound()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => table.UpdateAsync(new TableEntity("p", "missing"), "*"));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Delete_WithStaleETag_ThrowsConcurrencyConflictAndKeepsEntity()
    {
        var table = await azurite.CreateTableAsync();
        var stale = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.DeleteAsync("p", "r", stale));

        Assert.NotNull(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task Delete_WithCurrentETag_RemovesEntityThenReportsMissing()
    {
        var table = await azurite.CreateTableAsync();
        var etag = await table.InsertAsync(new TableEntity("p", "r"));

        var deleted = await table.DeleteAsync("p", "r", etag);
        var deletedAgain = await table.DeleteAsync("p", "r");

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task Keys_WithQuotesAndVietnamese_RoundTripThroughUrlAndFilter()
    {
        var table = await azurite.CreateTableAsync();
        const string partitionKey = "Hồ sơ O'Neil";
        const string rowKey = "đơn 'khai sinh' số 1";

        await table.InsertAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = await table.GetAsync(partitionKey, rowKey);
        var queried = await table.QueryPageAsync(TableFilter.And(TableFilter.PartitionKeyEquals(partitionKey), TableFilter.RowKeyEquals(rowKey)));

        Assert.Equal(partitionKey, read!.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal(rowKey, Assert.Single(queried.Items).RowKey);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("line\nbreak")]
    public async Task Insert_WithForbiddenKeyCharacter_ThrowsBeforeSending(string rowKey)
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName());

        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(new TableEntity("p", rowKey)));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("has-hyphen")]
    public void GetTableClient_WithInvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => azurite.Account.GetTableClient(name));
    }

    [Fact]
    public async Task WrongAccountKey_IsRejectedByTheService()
    {
        var badKey = Convert.ToBase64String(new byte[64]);
        var connectionString = azurite.ConnectionString.Replace(
            azurite.ConnectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal)),
            "AccountKey=" + badKey, StringComparison.Ordinal);
        var table = StorageAccount.FromConnectionString(connectionString).GetTableClient(AzuriteFixture.UniqueName());

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
    }
}
