using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Documents;

/// <summary>
/// <see cref="IDocumentStore"/> on Blob storage (container <see cref="StorageNames.AttachmentsContainer"/>): uploads
/// with If-None-Match: * (an existing blob of that name is left as it is), the hash also kept as metadata.
/// </summary>
public sealed class DocumentStore(BlobServiceClient blobs) : IDocumentStore
{
    /// <summary>Metadata entry holding the content's SHA-256.</summary>
    public const string Sha256Metadata = "sha256";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer);

    /// <inheritdoc />
    public async Task<DocumentRef> PutAsync(string folder, BinaryData content, string contentType, CancellationToken ct, string extension = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
        var name = $"{folder.TrimEnd('/')}/{sha}{extension}";
        try
        {
            await StorageConflicts.WriteAsync(() => _container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct));
        }
        catch (WriteConflictException e) when (e.Kind == WriteConflictKind.AlreadyExists)
        {
            // Same name means same content: stored by an earlier attempt.
        }
        return new DocumentRef(name, sha, content.ToMemory().Length);
    }

    /// <inheritdoc />
    public async Task<StoredContent?> GetAsync(string blob, CancellationToken ct)
    {
        try
        {
            var download = await _container.GetBlobClient(blob).DownloadContentAsync(ct);
            return new StoredContent(download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> VerifyAsync(string blob, string sha256, CancellationToken ct) =>
        await GetAsync(blob, ct) is { } stored &&
        string.Equals(Convert.ToHexStringLower(SHA256.HashData(stored.Content.ToMemory().Span)), sha256, StringComparison.OrdinalIgnoreCase);
}
