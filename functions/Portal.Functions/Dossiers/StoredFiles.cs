using Portal.Functions.Documents;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Dossiers;

/// <summary>Serves a stored attachment or result as a download.</summary>
public static class StoredFiles
{
    /// <summary>The document as a file answer, or 404 when it is no longer stored.</summary>
    public static async Task<IResult> FileAsync(IDocumentStore documents, string blobName, string contentType, string fileName, CancellationToken ct)
    {
        var stored = await documents.GetAsync(blobName, ct) ?? throw ProblemException.NotFound("Tệp không còn trong kho lưu trữ.");
        return Results.File(stored.Content.ToArray(), contentType, fileName);
    }
}
