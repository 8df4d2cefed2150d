namespace Portal.Storage;

/// <summary>A downloaded blob.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The content type stored with the blob.</param>
/// <param name="ETag">The blob's ETag.</param>
/// <param name="Metadata">The blob's metadata (names case-insensitive), including "sha256" when uploaded by us.</param>
/// <param name="Sha256">The SHA-256 recorded at upload (lowercase hex), or null for a blob written by someone else.</param>
public sealed record BlobDownload(BinaryData Content, string ContentType, string ETag, IReadOnlyDictionary<string, string> Metadata, string? Sha256);
