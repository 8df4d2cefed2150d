namespace Portal.Storage;

/// <summary>The kinds of change an entity group transaction can hold.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the whole transaction if the entity exists (409 EntityAlreadyExists).</summary>
    Insert,

    /// <summary>Insert or replace (PUT without If-Match).</summary>
    UpsertReplace,

    /// <summary>Insert or merge (PATCH without If-Match).</summary>
    UpsertMerge,

    /// <summary>Replace an existing entity whose ETag matches (PUT with If-Match).</summary>
    UpdateReplace,

    /// <summary>Merge into an existing entity whose ETag matches (PATCH with If-Match).</summary>
    UpdateMerge,

    /// <summary>Delete an existing entity whose ETag matches (DELETE with If-Match; "*" for any).</summary>
    Delete,
}
