using Azure.Core;

namespace Portal.Storage;

/// <summary>
/// Pipeline options shared by the Blob, Queue and Table clients: exponential retries (Azure.Core retries
/// 408, 429, 500, 502, 503, 504 and transport errors), a per-try network timeout, and the usual
/// <see cref="ClientOptions"/> hooks (transport, diagnostics, extra policies).
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Service version sent as <c>x-ms-version</c> to the Blob and Queue services.</summary>
    public const string BlobQueueServiceVersion = "2021-12-02";

    /// <summary>
    /// Service version sent as <c>x-ms-version</c> to the Table service (the version the Azure Tables SDK
    /// speaks; Azurite runs with <c>--skipApiVersionCheck</c> anyway).
    /// </summary>
    public const string TableServiceVersion = "2019-02-02";

    /// <summary>Creates options with the storage retry defaults.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }
}
