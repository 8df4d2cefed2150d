using Portal.Testing;

namespace Portal.Functions.Tests;

/// <summary>All HTTP tests share one app on Kestrel over one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PortalAppFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "App";
}
