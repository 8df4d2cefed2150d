namespace Portal.Storage;

/// <summary>
/// One change in an entity group transaction (see <see cref="TableClient.SubmitTransactionAsync"/>).
/// Create with <see cref="Insert"/>, <see cref="Upsert"/>, <see cref="Update"/> or <see cref="Delete"/>.
/// </summary>
public sealed class TableTransactionAction
{
    private TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, string? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        IfMatch = ifMatch;
    }

    /// <summary>What the action does.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity written (for a delete, only its keys matter).</summary>
    public TableEntity Entity { get; }

    /// <summary>The <c>If-Match</c> ETag for updates and deletes ("*" matches any); null for inserts and upserts.</summary>
    public string? IfMatch { get; }

    /// <summary>Insert a new entity; the transaction fails if it exists.</summary>
    public static TableTransactionAction Insert(TableEntity entity) => new(TableTransactionActionType.Insert, entity, null);

    /// <summary>Insert or replace/merge an entity, whatever its current state.</summary>
    public static TableTransactionAction Upsert(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge, entity, null);

    /// <summary>Replace or merge an existing entity, only if its ETag still matches <paramref name="ifMatch"/> ("*" for any).</summary>
    public static TableTransactionAction Update(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return new(mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, entity, ifMatch);
    }

    /// <summary>Delete an entity, only if its ETag matches <paramref name="ifMatch"/> ("*" for any).</summary>
    public static TableTransactionAction Delete(string partitionKey, string rowKey, string ifMatch = "*")
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
    }
}
