using Azure.Data.Tables;
using Portal.Domain.Dossiers;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Hands out dossier codes <c>AGENCYCODE-YYMMDD-NNNN</c>: a counter row per agency per day (PK = agency code,
/// RK = yyMMdd) advanced with If-Match, so two concurrent submissions can never get the same number.
/// A crash after a number is taken but before it is used leaves a gap, never a repeat.
/// </summary>
public sealed class DossierCodeAllocator(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.SequencesTable);

    /// <summary>Takes the next code of an agency for a receipt date.</summary>
    public async Task<string> NextAsync(string agencyCode, DateOnly receiptDate, CancellationToken ct)
    {
        var day = receiptDate.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var current = await _table.GetEntityIfExistsAsync<SequenceRow>(agencyCode, day, cancellationToken: ct);
                if (!current.HasValue)
                {
                    await StorageConflicts.WriteAsync(() => _table.AddEntityAsync(new SequenceRow { PartitionKey = agencyCode, RowKey = day, Last = 1 }, ct));
                    return DossierCode.Format(agencyCode, receiptDate, 1);
                }
                var row = current.Value!;
                row.Last++;
                await StorageConflicts.WriteAsync(() => _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct));
                return DossierCode.Format(agencyCode, receiptDate, row.Last);
            }
            catch (WriteConflictException) when (attempt < 200)
            {
                // Someone else took a number first: read again. Jitter spreads the retries of many contenders.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2), ct);
            }
        }
    }

    /// <summary>The counter row of an agency's day.</summary>
    public sealed class SequenceRow : ITableEntity
    {
        /// <summary>Agency code.</summary>
        public string PartitionKey { get; set; } = "";
        /// <summary>Receipt date, yyMMdd.</summary>
        public string RowKey { get; set; } = "";
        /// <summary>The last number handed out.</summary>
        public int Last { get; set; }
        /// <inheritdoc />
        public DateTimeOffset? Timestamp { get; set; }
        /// <inheritdoc />
        public Azure.ETag ETag { get; set; }
    }
}
