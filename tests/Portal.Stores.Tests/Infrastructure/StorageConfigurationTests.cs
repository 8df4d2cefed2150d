using Microsoft.Extensions.Configuration;
using Portal.Functions.Infrastructure;

namespace Portal.Stores.Tests.Infrastructure;

/// <summary>Storage clients come from one place: Azurite's connection string locally, endpoints and an identity in Azure.</summary>
public sealed class StorageConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void WithoutAnySetting_TheErrorNamesTheMissingSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.CreateTableService(Settings()));

        Assert.Contains(StorageConfiguration.TableEndpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains(StorageConfiguration.ConnectionString, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEndpointsButNoQueueEndpoint_TheQueueClientSaysWhichSettingIsMissing()
    {
        var settings = Settings((StorageConfiguration.BlobEndpoint, "https://stportal.blob.core.windows.net/"),
            (StorageConfiguration.TableEndpoint, "https://stportal.table.core.windows.net/"));

        Assert.Equal("https://stportal.blob.core.windows.net/", StorageConfiguration.CreateBlobService(settings).Uri.ToString());
        var error = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.CreateQueueService(settings));
        Assert.StartsWith($"Storage is not configured: {StorageConfiguration.QueueEndpoint} is missing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEndpointsAndAUserAssignedIdentity_ClientsUseTheEndpointsWithoutAKey()
    {
        var settings = Settings((StorageConfiguration.BlobEndpoint, "https://stportal.blob.core.windows.net/"),
            (StorageConfiguration.QueueEndpoint, "https://stportal.queue.core.windows.net/"),
            (StorageConfiguration.TableEndpoint, "https://stportal.table.core.windows.net/"),
            (StorageConfiguration.ManagedIdentityClientId, "00000000-0000-0000-0000-000000000001"));

        var tables = StorageConfiguration.CreateTableService(settings);
        var queues = StorageConfiguration.CreateQueueService(settings);

        Assert.Equal("stportal", tables.AccountName);
        Assert.Equal("https://stportal.queue.core.windows.net/", queues.Uri.ToString());
        Assert.False(queues.CanGenerateAccountSasUri); // no shared key: token credential only
    }

    [Fact]
    public void WithAnEndpointThatIsNotAUrl_TheErrorNamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StorageConfiguration.CreateTableService(Settings((StorageConfiguration.TableEndpoint, "stportal"))));

        Assert.StartsWith(StorageConfiguration.TableEndpoint, error.Message, StringComparison.Ordinal);
    }
}
