namespace Portal.Functions.Documents;

/// <summary>
/// The one way the app stores and reads files (attachments, signed results): content-addressed by SHA-256, so a
/// retry writes the same name with the same bytes and storing what is already there is a no-op.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores <paramref name="content"/> as <c>{folder}/{sha256}{extension}</c> unless that blob exists (same name,
    /// same bytes). Returns where it is.
    /// </summary>
    Task<DocumentRef> PutAsync(string folder, BinaryData content, string contentType, CancellationToken ct, string extension = "");

    /// <summary>The document, or null when it is not stored.</summary>
    Task<StoredContent?> GetAsync(string blob, CancellationToken ct);

    /// <summary>Whether the document is stored and its bytes still hash to <paramref name="sha256"/>.</summary>
    Task<bool> VerifyAsync(string blob, string sha256, CancellationToken ct);
}
