namespace Portal.Storage;

/// <summary>How an update or upsert treats properties the new entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Replace the whole entity: properties not in the new entity are removed (HTTP PUT).</summary>
    Replace,

    /// <summary>Merge into the stored entity: properties not in the new entity are kept (HTTP PATCH, "Merge Entity").</summary>
    Merge,
}
