using Azure.Identity;
using Portal.Storage;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// Storage settings. Locally: <c>Storage:ConnectionString</c> (Azurite's dev account, SharedKey).
/// In Azure: <c>Storage:BlobEndpoint</c>, <c>Storage:QueueEndpoint</c>, <c>Storage:TableEndpoint</c> and
/// <c>Storage:ManagedIdentityClientId</c> (a user-assigned identity; no keys).
/// </summary>
public static class StorageConfiguration
{
    /// <summary>Setting names, also set by infra/bicep.</summary>
    public const string ConnectionString = "Storage:ConnectionString", BlobEndpoint = "Storage:BlobEndpoint",
        QueueEndpoint = "Storage:QueueEndpoint", TableEndpoint = "Storage:TableEndpoint",
        ManagedIdentityClientId = "Storage:ManagedIdentityClientId";

    /// <summary>Creates the storage account from configuration, or says which setting is missing.</summary>
    public static StorageAccount CreateAccount(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionString];
        if (!string.IsNullOrEmpty(connectionString)) return StorageAccount.FromConnectionString(connectionString);
        var blob = configuration[BlobEndpoint];
        var queue = configuration[QueueEndpoint];
        var table = configuration[TableEndpoint];
        if (string.IsNullOrEmpty(blob) || string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(table))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {ConnectionString} (Azurite) or {BlobEndpoint}, {QueueEndpoint} and {TableEndpoint} (Azure).");
        }
        var clientId = configuration[ManagedIdentityClientId];
        var credential = new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));
        return StorageAccount.FromEndpoints(new Uri(blob), new Uri(queue), new Uri(table), credential);
    }
}
