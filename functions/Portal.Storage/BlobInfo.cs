namespace Portal.Storage;

/// <summary>What an upload stored.</summary>
/// <param name="ETag">The blob's new ETag (for a later <see cref="BlobConditions.WhenMatches"/>).</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex, computed by us and stored as metadata "sha256".</param>
/// <param name="Length">Content length in bytes.</param>
public sealed record BlobInfo(string ETag, string Sha256, long Length);
