using System.Security.Cryptography;
using System.Text;
using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateIfNotExists_WhenContainerExists_ReturnsFalse()
    {
        var container = azurite.Account.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));

        var first = await container.CreateIfNotExistsAsync();
        var second = await container.CreateIfNotExistsAsync();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Upload_ThenDownload_ReturnsContentTypeMetadataAndETag()
    {
        var container = await azurite.CreateContainerAsync();
        var content = BinaryData.FromString("%PDF-1.7 giấy khai sinh");

        var info = await container.UploadAsync("dossiers/hs-001/to-khai/1.pdf", content, "application/pdf",
            metadata: new Dictionary<string, string> { ["documentId"] = "to-khai" });
        var download = await container.DownloadAsync("dossiers/hs-001/to-khai/1.pdf");

        Assert.NotNull(download);
        Assert.Equal(content.ToArray(), download.Content.ToArray());
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal(info.ETag, download.ETag);
        Assert.Equal("to-khai", download.Metadata["documentId"]);
        Assert.Equal(content.ToArray().Length, info.Length);
    }

    [Fact]
    public async Task Upload_RecordsSha256OfContent()
    {
        var container = await azurite.CreateContainerAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var info = await container.UploadAsync("blob.bin", new MemoryStream(bytes));
        var download = await container.DownloadAsync("blob.bin");

        Assert.Equal(expected, info.Sha256);
        Assert.Equal(expected, download!.Sha256);
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(download.Content.ToArray())));
        Assert.Equal("application/octet-stream", download.ContentType);
    }

    [Fact]
    public async Task Upload_KnownText_HasKnownSha256()
    {
        var container = await azurite.CreateContainerAsync();

        var info = await container.UploadAsync("abc.txt", BinaryData.FromBytes(Encoding.ASCII.GetBytes("abc")), "text/plain");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", info.Sha256);
    }

    [Fact]
    public async Task Upload_CreateOnly_WhenBlobExists_ThrowsBlobAlreadyExistsAndKeepsOriginal()
    {
        var container = await azurite.CreateContainerAsync();
        await container.UploadAsync("receipt.pdf", BinaryData.FromString("first"), "application/pdf", BlobConditions.CreateOnly);

        var error = await Assert.ThrowsAsync<BlobAlreadyExistsException>(
            () => container.UploadAsync("receipt.pdf", BinaryData.FromString("second"), "application/pdf", BlobConditions.CreateOnly));
        var download = await container.DownloadAsync("receipt.pdf");

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first", download!.Content.ToString());
    }

    [Fact]
    public async Task Upload_WithStaleIfMatch_ThrowsConcurrencyConflict()
    {
        var container = await azurite.CreateContainerAsync();
        var first = await container.UploadAsync("doc.txt", BinaryData.FromString("v1"), "text/plain");
        await container.UploadAsync("doc.txt", BinaryData.FromString("v2"), "text/plain", BlobConditions.WhenMatches(first.ETag));

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => container.UploadAsync("doc.txt", BinaryData.FromString("v3"), "text/plain", BlobConditions.WhenMatches(first.ETag)));
        var download = await container.DownloadAsync("doc.txt");

        Assert.Equal(412, error.Status);
        Assert.Equal("v2", download!.Content.ToString());
    }

    [Fact]
    public async Task Download_WhenBlobMissing_ReturnsNull()
    {
        var container = await azurite.CreateContainerAsync();

        var download = await container.DownloadAsync("missing.bin");

        Assert.Null(download);
    }

    [Fact]
    public async Task Exists_ReflectsUploadAndDelete()
    {
        var container = await azurite.CreateContainerAsync();
        await container.UploadAsync("a.txt", BinaryData.FromString("a"), "text/plain");

        var before = await container.ExistsAsync("a.txt");
        var deleted = await container.DeleteAsync("a.txt");
        var after = await container.ExistsAsync("a.txt");
        var deletedAgain = await container.DeleteAsync("a.txt");

        Assert.True(before);
        Assert.True(deleted);
        Assert.False(after);
        Assert.False(deletedAgain);
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_ThrowsConcurrencyConflictAndKeepsBlob()
    {
        var container = await azurite.CreateContainerAsync();
        var first = await container.UploadAsync("a.txt", BinaryData.FromString("v1"), "text/plain");
        await container.UploadAsync("a.txt", BinaryData.FromString("v2"), "text/plain");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => container.DeleteAsync("a.txt", first.ETag));

        Assert.True(await container.ExistsAsync("a.txt"));
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("a//b")]
    [InlineData("/leading")]
    [InlineData("giấy khai sinh.pdf")]
    [InlineData("with space.pdf")]
    [InlineData("")]
    public async Task Upload_WithUnsafeName_ThrowsBeforeSending(string name)
    {
        var container = azurite.Account.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));

        await Assert.ThrowsAsync<ArgumentException>(() => container.UploadAsync(name, BinaryData.FromString("x")));
    }

    [Fact]
    public async Task Upload_WithNonAsciiMetadata_ThrowsBeforeSending()
    {
        var container = azurite.Account.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));

        await Assert.ThrowsAsync<ArgumentException>(() => container.UploadAsync("a.txt", BinaryData.FromString("x"),
            metadata: new Dictionary<string, string> { ["name"] = "Nguyễn" }));
    }

    [Fact]
    public async Task WrongAccountKey_IsRejectedByTheBlobService()
    {
        var connectionString = string.Join(';', azurite.ConnectionString.Split(';')
            .Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + Convert.ToBase64String(new byte[64]) : p));
        var container = StorageAccount.FromConnectionString(connectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("c"));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
    }
}
