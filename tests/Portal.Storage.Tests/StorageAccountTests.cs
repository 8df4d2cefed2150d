using Azure.Core;

namespace Portal.Storage.Tests;

public sealed class StorageAccountTests
{
    [Fact]
    public void FromConnectionString_UseDevelopmentStorage_PointsAtAzuriteDefaultPorts()
    {
        var account = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
    }

    [Fact]
    public void FromConnectionString_WithoutEndpoints_DerivesThemFromAccountAndSuffix()
    {
        var account = StorageAccount.FromConnectionString(
            "DefaultEndpointsProtocol=https;AccountName=stportal;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://stportal.blob.core.windows.net"), account.BlobEndpoint);
        Assert.Equal(new Uri("https://stportal.queue.core.windows.net"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://stportal.table.core.windows.net"), account.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountName=x")]
    [InlineData("AccountKey=abc=")]
    [InlineData("garbage")]
    public void FromConnectionString_WithMissingParts_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageAccount.FromConnectionString(connectionString));
    }

    [Fact]
    public void FromConnectionString_WithSas_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => StorageAccount.FromConnectionString("BlobEndpoint=https://x;SharedAccessSignature=sv=1"));
    }

    [Fact]
    public void FromEndpoints_KeepsEndpointsAndHasNoAccountName()
    {
        var account = StorageAccount.FromEndpoints(new Uri("https://s.blob.core.windows.net"), new Uri("https://s.queue.core.windows.net"),
            new Uri("https://s.table.core.windows.net"), new FixedTokenCredential());

        Assert.Null(account.AccountName);
        Assert.Equal(new Uri("https://s.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal("dossiers", account.GetTableClient("dossiers").Name);
    }

    [Fact]
    public async Task FromEndpoints_SendsBearerTokenForStorageScopeWithVersionAndDate()
    {
        var credential = new FixedTokenCredential();
        var stub = new FaultInjectionPolicy(failures: int.MaxValue, status: 201);
        var options = new StorageClientOptions();
        options.AddPolicy(stub, HttpPipelinePosition.PerRetry);
        var account = StorageAccount.FromEndpoints(new Uri("https://s.blob.core.windows.net"), new Uri("https://s.queue.core.windows.net"),
            new Uri("https://s.table.core.windows.net"), credential, options);

        var created = await account.GetBlobContainerClient("documents").CreateIfNotExistsAsync();

        Assert.True(created);
        Assert.Equal("Bearer token", Assert.Single(stub.Attempts).Authorization);
        Assert.NotNull(stub.Attempts[0].Date);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new("token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
