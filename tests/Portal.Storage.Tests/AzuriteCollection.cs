using Portal.Testing;

namespace Portal.Storage.Tests;

/// <summary>All integration tests share one Azurite for the run; each test uses its own table, container or queue.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
