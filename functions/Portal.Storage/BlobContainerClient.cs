using System.Security.Cryptography;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// One blob container (Blob service REST, block blobs uploaded in a single request). Every upload records the
/// content's SHA-256 as metadata "sha256" and sends Content-MD5 so the service rejects a corrupted transfer.
/// Get one from <see cref="StorageAccount.GetBlobContainerClient"/>.
/// </summary>
public sealed class BlobContainerClient
{
    /// <summary>Metadata name under which uploads record the SHA-256 of the content.</summary>
    public const string Sha256MetadataName = "sha256";

    private const string MetadataPrefix = "x-ms-meta-";
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    internal BlobContainerClient(HttpPipeline pipeline, Uri endpoint, string containerName)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = StorageNameRules.ContainerOrQueue(containerName, "container");
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>Creates the container (private access); returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Put, _endpoint, "/" + Name, ("restype", "container"));
        var response = await StorageRequests.SendAsync(_pipeline, message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,
            409 => false,
            _ => throw StorageErrors.Create(response, $"Create container '{Name}'"),
        };
    }

    /// <summary>Uploads (creates or overwrites) a block blob from memory.</summary>
    /// <param name="blobName">Name built by our code: <c>A-Z a-z 0-9 - _ . /</c>, never a user's file name.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">Stored content type, returned on download.</param>
    /// <param name="conditions"><see cref="BlobConditions.CreateOnly"/>, <see cref="BlobConditions.WhenMatches"/>, or null to overwrite.</param>
    /// <param name="metadata">Extra metadata: names are identifiers, values printable ASCII ("sha256" is set by us).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="BlobAlreadyExistsException">Create-only, and the blob exists.</exception>
    /// <exception cref="ConcurrencyConflictException">The If-Match ETag no longer matches (412).</exception>
    public async Task<BlobInfo> UploadAsync(string blobName, BinaryData content, string contentType = "application/octet-stream",
        BlobConditions? conditions = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var bytes = content.ToMemory();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Put, _endpoint, BlobPath(blobName));
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("x-ms-blob-content-type", contentType);
        headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(bytes.Span)));
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            if (name.Equals(Sha256MetadataName, StringComparison.OrdinalIgnoreCase)) continue;
            ValidateMetadata(name, value);
            headers.SetValue(MetadataPrefix + name, value);
        }
        headers.SetValue(MetadataPrefix + Sha256MetadataName, sha256);
        ApplyConditions(message.Request, conditions);
        message.Request.Content = RequestContent.Create(bytes);

        var response = await StorageRequests.SendAsync(_pipeline, message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 201)
        {
            return new BlobInfo(StorageRequests.ETag(response)
                ?? throw new RequestFailedException(response.Status, "The Blob service returned no ETag for an upload.", null, null),
                sha256, bytes.Length);
        }
        throw Failure(response, $"Upload '{Name}/{blobName}'", conditions);
    }

    /// <summary>Uploads a block blob from a stream (read fully into memory first, to hash it and to allow retries).</summary>
    /// <inheritdoc cref="UploadAsync(string, BinaryData, string, BlobConditions?, IReadOnlyDictionary{string, string}?, CancellationToken)"/>
    public async Task<BlobInfo> UploadAsync(string blobName, Stream content, string contentType = "application/octet-stream",
        BlobConditions? conditions = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var data = await BinaryData.FromStreamAsync(content, cancellationToken).ConfigureAwait(false);
        return await UploadAsync(blobName, data, contentType, conditions, metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads a blob with its properties; null when it does not exist.</summary>
    public async Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Get, _endpoint, BlobPath(blobName));
        var response = await StorageRequests.SendAsync(_pipeline, message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404) return null;
        if (response.Status != 200) throw StorageErrors.Create(response, $"Download '{Name}/{blobName}'");

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase)) metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
        }
        response.Headers.TryGetValue("Content-Type", out var contentType);
        // Copy: the response buffer belongs to the message, which is disposed on return.
        return new BlobDownload(BinaryData.FromBytes(response.Content.ToArray()), contentType ?? "application/octet-stream", StorageRequests.ETag(response) ?? "",
            metadata, metadata.GetValueOrDefault(Sha256MetadataName));
    }

    /// <summary>Whether the blob exists.</summary>
    public async Task<bool> ExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Head, _endpoint, BlobPath(blobName));
        var response = await StorageRequests.SendAsync(_pipeline, message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => true,
            404 => false,
            _ => throw StorageErrors.Create(response, $"Check '{Name}/{blobName}'"),
        };
    }

    /// <summary>Deletes a blob (and its snapshots); returns false when it did not exist.</summary>
    /// <param name="blobName">The blob.</param>
    /// <param name="ifMatch">Delete only if the blob still has this ETag; null to delete whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ConcurrencyConflictException">The ETag no longer matches (412).</exception>
    public async Task<bool> DeleteAsync(string blobName, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Delete, _endpoint, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        ApplyConditions(message.Request, ifMatch is null ? null : BlobConditions.WhenMatches(ifMatch));
        var response = await StorageRequests.SendAsync(_pipeline, message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 202) return true;
        if (response.Status == 404) return false;
        throw Failure(response, $"Delete '{Name}/{blobName}'", null);
    }

    private string BlobPath(string blobName) => "/" + Name + "/" + StorageNameRules.Blob(blobName);

    private static void ApplyConditions(Request request, BlobConditions? conditions)
    {
        if (conditions?.IfMatch is { } ifMatch) request.Headers.SetValue("If-Match", ifMatch);
        if (conditions?.IfNoneMatch is { } ifNoneMatch) request.Headers.SetValue("If-None-Match", ifNoneMatch);
    }

    private static RequestFailedException Failure(Response response, string operation, BlobConditions? conditions)
    {
        var (code, text) = StorageErrors.Read(response);
        var what = StorageErrors.Describe(operation, response.Status, code, text);
        var createOnly = conditions?.IfNoneMatch == "*";
        return response.Status switch
        {
            409 when code == "BlobAlreadyExists" || createOnly => new BlobAlreadyExistsException(response.Status, what, code),
            412 when createOnly => new BlobAlreadyExistsException(response.Status, what, code),
            412 => new ConcurrencyConflictException(response.Status, what, code),
            _ => new RequestFailedException(response.Status, what, code, null),
        };
    }

    private static void ValidateMetadata(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Metadata name '{name}' must be an identifier (letters, digits, '_').", nameof(name));
        }
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(c => c is < ' ' or > '~') || value != value.Trim())
        {
            throw new ArgumentException($"Metadata '{name}' must be printable ASCII without leading or trailing spaces.", nameof(value));
        }
    }
}
