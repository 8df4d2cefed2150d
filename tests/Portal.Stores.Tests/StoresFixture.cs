using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Stores.Tests;

/// <summary>
/// The real app (its DI, its storage clients from <c>AddPortalStorage</c>) over a private Azurite, with a
/// <see cref="BatchInspector"/> added to the app's <see cref="TableClientOptions"/> so that every <c>$batch</c> our
/// code sends is seen. Store tests take their stores from <see cref="Services"/>.
/// </summary>
public sealed class StoresFixture : IAsyncLifetime
{
    /// <summary>Collection sharing one app and one Azurite.</summary>
    public const string CollectionName = "Stores";

    /// <summary>A fixture whose app's table clients carry the batch inspector.</summary>
    public StoresFixture()
    {
        App = new PortalAppFixture
        {
            Azurite = new AzuriteFixture { InMemory = true },
            ConfigureServices = services => services.AddSingleton(_ =>
            {
                var options = new TableClientOptions();
                options.AddPolicy(Batches, Azure.Core.HttpPipelinePosition.PerCall);
                return options;
            }),
        };
    }

    /// <summary>Sees every entity-group transaction the app sends.</summary>
    public BatchInspector Batches { get; } = new();

    /// <summary>The app.</summary>
    public PortalAppFixture App { get; }

    /// <summary>The app's Azurite.</summary>
    public AzuriteFixture Azurite => App.Azurite;

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>A service of the app.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <inheritdoc />
    public Task InitializeAsync() => App.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>All store tests share one app over one Azurite; each test uses its own keys.</summary>
[CollectionDefinition(StoresFixture.CollectionName)]
public sealed class StoresCollection : ICollectionFixture<StoresFixture>;

/// <summary>Tests on a bare Azurite (no app), e.g. what Azurite itself does with a transaction.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
