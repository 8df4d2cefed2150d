using Portal.Functions.Infrastructure;
using Portal.Storage;

namespace Portal.Functions.Dossiers;

/// <summary>Serves a stored attachment or result as a download.</summary>
public static class StoredFiles
{
    /// <summary>The blob as a file answer, or 404 when it is no longer stored.</summary>
    public static async Task<IResult> FileAsync(StorageAccount storage, string blobName, string contentType, string fileName, CancellationToken ct)
    {
        var blob = await storage.GetBlobContainerClient(StorageNames.AttachmentsContainer).DownloadAsync(blobName, ct)
            ?? throw ProblemException.NotFound("Tệp không còn trong kho lưu trữ.");
        return Results.File(blob.Content.ToArray(), contentType, fileName);
    }
}
