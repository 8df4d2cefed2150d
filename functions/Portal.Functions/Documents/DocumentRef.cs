namespace Portal.Functions.Documents;

/// <summary>Where a stored document is: its blob name, its SHA-256 (lowercase hex) and its size.</summary>
public sealed record DocumentRef(string Blob, string Sha256, long Size);
