using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Portal.Functions.Infrastructure;

/// <summary>Creates the app's tables and containers at start-up, retrying while storage comes up.</summary>
public sealed class StorageInitializer(TableServiceClient tables, BlobServiceClient blobs, ILogger<StorageInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var table in StorageNames.Tables) await tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
                foreach (var container in StorageNames.Containers) await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 10 && e is not OperationCanceledException)
            {
                logger.LogWarning("Storage not ready (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
