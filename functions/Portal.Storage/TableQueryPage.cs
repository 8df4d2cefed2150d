namespace Portal.Storage;

/// <summary>One page of a table query.</summary>
/// <param name="Items">The entities of this page, in PartitionKey then RowKey order.</param>
/// <param name="ContinuationToken">
/// Opaque token for the next page (from <c>x-ms-continuation-NextPartitionKey</c>/<c>NextRowKey</c>), or null
/// when this was the last page. A page can be short, or even empty, and still have a continuation.
/// </param>
public sealed record TableQueryPage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);
