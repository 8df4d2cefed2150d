using Azure;
using Azure.Data.Tables;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// The one way our code commits an entity-group transaction. Azure Table storage accepts a transaction only when
/// every action is in ONE partition (at most 100 actions); Azurite accepts cross-partition batches, so only this
/// guard keeps such a batch from passing every local test and failing in Azure. It refuses before sending.
/// </summary>
public static class TableTransactions
{
    /// <summary>Most actions in one transaction (Azure's limit).</summary>
    public const int MaxActions = 100;

    /// <summary>
    /// Submits <paramref name="actions"/> (all in one partition) atomically and returns the new ETag of each action
    /// (null for deletes). A refused action rolls the whole transaction back and throws
    /// <see cref="WriteConflictException"/> (409/412, with the failed action's index).
    /// </summary>
    /// <exception cref="ArgumentException">No action, more than <see cref="MaxActions"/>, or more than one partition key.</exception>
    public static async Task<IReadOnlyList<ETag?>> CommitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A table transaction holds 1 to {MaxActions} actions; this one has {actions.Count}.", nameof(actions));
        }
        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).ToList();
        if (partitions.Count != 1)
        {
            throw new ArgumentException(
                $"A table transaction must stay in one partition (Azure rejects it otherwise); this one spans {partitions.Count}: {string.Join(", ", partitions.Take(3))}.",
                nameof(actions));
        }
        var response = await StorageConflicts.WriteAsync(() => table.SubmitTransactionAsync(actions, ct)).ConfigureAwait(false);
        return response.Value.Select(r => r.Headers.ETag).ToList();
    }
}
