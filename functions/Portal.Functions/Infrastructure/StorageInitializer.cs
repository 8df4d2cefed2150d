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
                // All at once: start-up time matters (the app does not listen before this is done).
                await Task.WhenAll(
                    StorageNames.Tables.Select(t => (Task)tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken))
                        .Concat(StorageNames.Containers.Select(c => blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
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
