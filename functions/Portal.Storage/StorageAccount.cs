using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// One storage account: its Blob, Queue and Table endpoints and one HTTP pipeline per service (retries,
/// then per try: <c>x-ms-date</c>/<c>x-ms-version</c>, then SharedKey signing or a bearer token).
/// Locally it comes from Azurite's connection string; in Azure from the endpoints and a managed identity.
/// Thread-safe; create once and share (the clients it hands out are cheap).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>Token scope for Azure Storage data-plane access with Entra ID.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _blobPipeline;
    private readonly HttpPipeline _queuePipeline;
    private readonly HttpPipeline _tablePipeline;

    private StorageAccount(string? accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint,
        Func<StorageService, HttpPipelinePolicy> authentication, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        HttpPipeline Build(StorageService service, string version) => HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageHeadersPolicy(version), authentication(service)],
            new ResponseClassifier());
        _blobPipeline = Build(StorageService.Blob, StorageClientOptions.BlobQueueServiceVersion);
        _queuePipeline = Build(StorageService.Queue, StorageClientOptions.BlobQueueServiceVersion);
        _tablePipeline = Build(StorageService.Table, StorageClientOptions.TableServiceVersion);
    }

    /// <summary>The account name, when known (always with a connection string).</summary>
    public string? AccountName { get; }

    /// <summary>Blob service endpoint, e.g. <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>
    /// Creates an account from a connection string signed with its account key (SharedKey): Azurite's
    /// (<c>AccountName=devstoreaccount1;AccountKey=...;BlobEndpoint=...;QueueEndpoint=...;TableEndpoint=...</c>)
    /// or <c>UseDevelopmentStorage=true</c> for Azurite on its default ports.
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="options">Pipeline options (retries, transport, extra policies); defaults when null.</param>
    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return new StorageAccount(parsed.AccountName, parsed.BlobEndpoint, parsed.QueueEndpoint, parsed.TableEndpoint,
            service => new StorageSharedKeyPolicy(parsed.AccountName, parsed.AccountKey, service), options);
    }

    /// <summary>
    /// Creates an account that authorizes with Entra ID tokens (managed identity in Azure; no keys).
    /// The identity needs the data roles (Storage Blob Data Contributor, Storage Queue Data Contributor,
    /// Storage Table Data Contributor).
    /// </summary>
    /// <param name="blobEndpoint">e.g. <c>https://account.blob.core.windows.net</c>.</param>
    /// <param name="queueEndpoint">e.g. <c>https://account.queue.core.windows.net</c>.</param>
    /// <param name="tableEndpoint">e.g. <c>https://account.table.core.windows.net</c>.</param>
    /// <param name="credential">The token credential (e.g. <c>ManagedIdentityCredential</c>).</param>
    /// <param name="options">Pipeline options; defaults when null.</param>
    public static StorageAccount FromEndpoints(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(null, blobEndpoint, queueEndpoint, tableEndpoint,
            _ => new BearerTokenAuthenticationPolicy(credential, StorageScope), options);
    }

    /// <summary>A client for one table (name: 3-63 letters and digits, starting with a letter).</summary>
    public TableClient GetTableClient(string tableName) => new(_tablePipeline, TableEndpoint, tableName);

    /// <summary>A client for one blob container (name: 3-63 lowercase letters, digits and single hyphens).</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_blobPipeline, BlobEndpoint, containerName);

    /// <summary>A client for one queue (name: 3-63 lowercase letters, digits and single hyphens).</summary>
    public QueueClient GetQueueClient(string queueName) => new(_queuePipeline, QueueEndpoint, queueName);
}
