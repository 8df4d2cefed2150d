namespace Portal.Functions.Documents;

/// <summary>A stored document's bytes and content type.</summary>
public sealed record StoredContent(BinaryData Content, string ContentType);
