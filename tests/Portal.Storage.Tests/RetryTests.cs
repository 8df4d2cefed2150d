using Azure.Core;
using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class RetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TransportErrorOnFirstAttempt_IsRetriedWithASignedRequest()
    {
        var fault = new FaultInjectionPolicy(failures: 1);
        var table = Account(fault).GetTableClient(AzuriteFixture.UniqueName());

        var created = await table.CreateIfNotExistsAsync();

        Assert.True(created);
        Assert.Equal(2, fault.Attempts.Count);
        Assert.All(fault.Attempts, a => Assert.StartsWith("SharedKey devstoreaccount1:", a.Authorization));
        Assert.All(fault.Attempts, a => Assert.NotNull(a.Date));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task TransientStatus_IsRetried(int status)
    {
        var fault = new FaultInjectionPolicy(failures: 2, status);
        var container = Account(fault).GetBlobContainerClient(AzuriteFixture.UniqueName("c"));

        var created = await container.CreateIfNotExistsAsync();

        Assert.True(created);
        Assert.Equal(3, fault.Attempts.Count);
    }

    [Fact]
    public async Task PersistentFailure_GivesUpAfterMaxRetriesWithTheStatus()
    {
        var fault = new FaultInjectionPolicy(failures: int.MaxValue, status: 503);
        var queue = Account(fault).GetQueueClient(AzuriteFixture.UniqueName("q"));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(503, error.Status);
        Assert.Equal(3, fault.Attempts.Count);
    }

    [Fact]
    public async Task NonTransientStatus_IsNotRetried()
    {
        var fault = new FaultInjectionPolicy(failures: 1, status: 400);
        var queue = Account(fault).GetQueueClient(AzuriteFixture.UniqueName("q"));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(400, error.Status);
        Assert.Single(fault.Attempts);
    }

    private StorageAccount Account(FaultInjectionPolicy fault)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(fault, HttpPipelinePosition.PerRetry);
        return StorageAccount.FromConnectionString(azurite.ConnectionString, options);
    }
}
