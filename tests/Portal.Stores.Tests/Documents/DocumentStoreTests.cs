using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Portal.Functions.Documents;
using Portal.Functions.Infrastructure;

namespace Portal.Stores.Tests.Documents;

/// <summary>The one document store: content-addressed puts, gets, hash verification.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class DocumentStoreTests(StoresFixture stores)
{
    private static string Folder() => "tests/" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Put_NamesTheBlobByItsSha256_AndGetReturnsBytesAndContentType()
    {
        var documents = stores.Get<IDocumentStore>();
        var bytes = "%PDF-1.7 một tệp"u8.ToArray();
        var folder = Folder();

        var put = await documents.PutAsync(folder, BinaryData.FromBytes(bytes), "application/pdf", default, extension: ".pdf");

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(new DocumentRef($"{folder}/{sha}.pdf", sha, bytes.Length), put);
        var stored = await documents.GetAsync(put.Blob, default);
        Assert.NotNull(stored);
        Assert.Equal(bytes, stored.Content.ToArray());
        Assert.Equal("application/pdf", stored.ContentType);
        var properties = await stores.Get<BlobServiceClient>().GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobClient(put.Blob).GetPropertiesAsync();
        Assert.Equal(sha, properties.Value.Metadata[DocumentStore.Sha256Metadata]);
    }

    [Fact]
    public async Task Put_OfContentAlreadyStored_IsANoOpThatLeavesTheBlobUntouched()
    {
        var documents = stores.Get<IDocumentStore>();
        var folder = Folder();
        var first = await documents.PutAsync(folder, BinaryData.FromString("same"), "text/plain", default);
        var blob = stores.Get<BlobServiceClient>().GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobClient(first.Blob);
        var etag = (await blob.GetPropertiesAsync()).Value.ETag;

        var second = await documents.PutAsync(folder, BinaryData.FromString("same"), "text/plain", default);

        Assert.Equal(first, second);
        Assert.Equal(etag, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task Verify_IsTrueForTheStoredHash_FalseForAnotherHashOrAMissingBlob()
    {
        var documents = stores.Get<IDocumentStore>();
        var put = await documents.PutAsync(Folder(), BinaryData.FromString("kết quả"), "application/pdf", default);

        Assert.True(await documents.VerifyAsync(put.Blob, put.Sha256.ToUpperInvariant(), default));
        Assert.False(await documents.VerifyAsync(put.Blob, new string('0', 64), default));
        Assert.False(await documents.VerifyAsync(put.Blob + "-missing", put.Sha256, default));
        Assert.Null(await documents.GetAsync(put.Blob + "-missing", default));
    }

    [Fact]
    public async Task Verify_DetectsBytesChangedBehindTheStoresBack()
    {
        var documents = stores.Get<IDocumentStore>();
        var put = await documents.PutAsync(Folder(), BinaryData.FromString("bản gốc"), "application/pdf", default);
        var blob = stores.Get<BlobServiceClient>().GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobClient(put.Blob);

        await blob.UploadAsync(BinaryData.FromString("bản bị sửa"), overwrite: true);

        Assert.False(await documents.VerifyAsync(put.Blob, put.Sha256, default));
    }
}
