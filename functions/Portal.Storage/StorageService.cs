namespace Portal.Storage;

/// <summary>The three storage services; each has its own endpoint, pipeline and signing rules.</summary>
internal enum StorageService
{
    /// <summary>Blob service (full SharedKey).</summary>
    Blob,

    /// <summary>Queue service (full SharedKey).</summary>
    Queue,

    /// <summary>Table service (SharedKey for tables: a shorter string-to-sign).</summary>
    Table,
}
