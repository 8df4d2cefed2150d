namespace Portal.Storage;

/// <summary>Preconditions for a blob write or delete (HTTP <c>If-Match</c> / <c>If-None-Match</c>).</summary>
/// <param name="IfMatch">Write only if the blob's ETag is this one (optimistic concurrency); "*" = only if it exists.</param>
/// <param name="IfNoneMatch">"*" = write only if the blob does not exist yet (create-only).</param>
public sealed record BlobConditions(string? IfMatch = null, string? IfNoneMatch = null)
{
    /// <summary>Create the blob only if it does not exist (<c>If-None-Match: *</c>).</summary>
    public static BlobConditions CreateOnly { get; } = new(IfNoneMatch: "*");

    /// <summary>Write only if the blob still has <paramref name="etag"/>.</summary>
    public static BlobConditions WhenMatches(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new BlobConditions(IfMatch: etag);
    }
}
