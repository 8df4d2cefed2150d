namespace Portal.Functions.Infrastructure;

/// <summary>Why a conditional write was refused.</summary>
public enum WriteConflictKind
{
    /// <summary>The row or blob was to be created, but it exists already (409).</summary>
    AlreadyExists,

    /// <summary>The row was changed or deleted since it was read: its ETag no longer matches (412).</summary>
    Changed,
}
