using Azure.Data.Tables;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Dossiers;

/// <summary>One submission attempt, remembered by its idempotency key.</summary>
/// <param name="DossierCode">The code reserved for it.</param>
/// <param name="RequestHash">SHA-256 of what was submitted, so a key reused for different content is refused.</param>
public sealed record SubmissionEntry(string DossierCode, string RequestHash);

/// <summary>
/// Idempotency records (PK = citizen subject, RK = Idempotency-Key), which also list a citizen's dossiers.
/// The record is written before the dossier, holding the reserved code: a retry after a crash at any point
/// finds it and completes the same dossier instead of creating a second one.
/// </summary>
public sealed class SubmissionLedger(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.SubmissionsTable);

    /// <summary>The entry for a key, or null.</summary>
    public async Task<SubmissionEntry?> FindAsync(string subject, string key, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(subject, key, cancellationToken: ct);
        return found.HasValue ? new SubmissionEntry(found.Value!.GetString("DossierCode"), found.Value.GetString("RequestHash")) : null;
    }

    /// <summary>Records a key; returns the existing entry instead when the key was recorded first by another attempt.</summary>
    public async Task<SubmissionEntry> RecordAsync(string subject, string key, SubmissionEntry entry, CancellationToken ct)
    {
        try
        {
            await StorageConflicts.WriteAsync(() => _table.AddEntityAsync(
                new TableEntity(subject, key) { ["DossierCode"] = entry.DossierCode, ["RequestHash"] = entry.RequestHash }, ct));
            return entry;
        }
        catch (WriteConflictException)
        {
            return (await FindAsync(subject, key, ct))!;
        }
    }

    /// <summary>Codes of every dossier a citizen submitted (or tried to).</summary>
    public async Task<IReadOnlyList<string>> CodesOfAsync(string subject, CancellationToken ct)
    {
        var codes = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subject}"), cancellationToken: ct))
        {
            codes.Add(e.GetString("DossierCode"));
        }
        return codes;
    }
}
