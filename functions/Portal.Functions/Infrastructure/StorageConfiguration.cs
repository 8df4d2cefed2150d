using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// The one place that builds the storage clients from configuration. Locally: <c>Storage:ConnectionString</c>
/// (Azurite's development account). In Azure: <c>Storage:BlobEndpoint</c>, <c>Storage:QueueEndpoint</c> and
/// <c>Storage:TableEndpoint</c> with <see cref="DefaultAzureCredential"/> (the app's managed identity; set
/// <c>Storage:ManagedIdentityClientId</c> for a user-assigned one). No account key is ever read in Azure.
/// </summary>
public static class StorageConfiguration
{
    /// <summary>Setting names, also set by infra/bicep.</summary>
    public const string ConnectionString = "Storage:ConnectionString", BlobEndpoint = "Storage:BlobEndpoint",
        QueueEndpoint = "Storage:QueueEndpoint", TableEndpoint = "Storage:TableEndpoint",
        ManagedIdentityClientId = "Storage:ManagedIdentityClientId";

    /// <summary>
    /// Registers <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/>
    /// (singletons, built on first use). Their options (<see cref="TableClientOptions"/>, <see cref="BlobClientOptions"/>,
    /// <see cref="QueueClientOptions"/>) are taken from the container when registered there, so a test can add an
    /// <see cref="Azure.Core.Pipeline.HttpPipelinePolicy"/> to every request.
    /// </summary>
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => new TableClientOptions());
        services.TryAddSingleton(_ => new BlobClientOptions());
        services.TryAddSingleton(_ => new QueueClientOptions());
        services.AddSingleton(sp => CreateTableService(configuration, sp.GetRequiredService<TableClientOptions>()));
        services.AddSingleton(sp => CreateBlobService(configuration, sp.GetRequiredService<BlobClientOptions>()));
        services.AddSingleton(sp => CreateQueueService(configuration, sp.GetRequiredService<QueueClientOptions>()));
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>The Table service client, or an error naming the missing setting.</summary>
    public static TableServiceClient CreateTableService(IConfiguration configuration, TableClientOptions? options = null) =>
        ConnectionStringOf(configuration) is { } cs
            ? new TableServiceClient(cs, options ?? new TableClientOptions())
            : new TableServiceClient(EndpointOf(configuration, TableEndpoint), CredentialOf(configuration), options ?? new TableClientOptions());

    /// <summary>The Blob service client, or an error naming the missing setting.</summary>
    public static BlobServiceClient CreateBlobService(IConfiguration configuration, BlobClientOptions? options = null) =>
        ConnectionStringOf(configuration) is { } cs
            ? new BlobServiceClient(cs, options ?? new BlobClientOptions())
            : new BlobServiceClient(EndpointOf(configuration, BlobEndpoint), CredentialOf(configuration), options ?? new BlobClientOptions());

    /// <summary>The Queue service client, or an error naming the missing setting.</summary>
    public static QueueServiceClient CreateQueueService(IConfiguration configuration, QueueClientOptions? options = null) =>
        ConnectionStringOf(configuration) is { } cs
            ? new QueueServiceClient(cs, options ?? new QueueClientOptions())
            : new QueueServiceClient(EndpointOf(configuration, QueueEndpoint), CredentialOf(configuration), options ?? new QueueClientOptions());

    private static string? ConnectionStringOf(IConfiguration configuration) =>
        configuration[ConnectionString] is { Length: > 0 } cs ? cs : null;

    private static Uri EndpointOf(IConfiguration configuration, string setting)
    {
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: {setting} is missing. Set {ConnectionString} (Azurite, locally) or " +
                $"{BlobEndpoint}, {QueueEndpoint} and {TableEndpoint} (Azure, with the app's managed identity).");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"{setting} must be an absolute URL such as https://<account>.table.core.windows.net/ (it is '{value}').");
        }
        return uri;
    }

    private static TokenCredential CredentialOf(IConfiguration configuration)
    {
        var clientId = configuration[ManagedIdentityClientId];
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            // A user-assigned identity when given; otherwise the system-assigned one (or a developer's sign-in).
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        });
    }
}
