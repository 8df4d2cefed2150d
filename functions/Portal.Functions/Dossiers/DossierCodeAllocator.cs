using Portal.Domain.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Storage;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Hands out dossier codes <c>AGENCYCODE-YYMMDD-NNNN</c>: a counter row per agency per day (PK = agency code,
/// RK = yyMMdd) advanced with If-Match, so two concurrent submissions can never get the same number.
/// A crash after a number is taken but before it is used leaves a gap, never a repeat.
/// </summary>
public sealed class DossierCodeAllocator(StorageAccount account)
{
    private readonly TableClient _table = account.GetTableClient(StorageNames.SequencesTable);

    /// <summary>Takes the next code of an agency for a receipt date.</summary>
    public async Task<string> NextAsync(string agencyCode, DateOnly receiptDate, CancellationToken ct)
    {
        var day = receiptDate.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var current = await _table.GetAsync(agencyCode, day, ct);
                if (current is null)
                {
                    await _table.InsertAsync(new TableEntity(agencyCode, day) { ["Last"] = 1 }, ct);
                    return DossierCode.Format(agencyCode, receiptDate, 1);
                }
                var next = (current.GetInt32("Last") ?? 0) + 1;
                await _table.UpdateAsync(new TableEntity(agencyCode, day) { ["Last"] = next }, current.ETag!, TableUpdateMode.Replace, ct);
                return DossierCode.Format(agencyCode, receiptDate, next);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or EntityAlreadyExistsException && attempt < 200)
            {
                // Someone else took a number first: read again. Jitter spreads the retries of many contenders.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2), ct);
            }
        }
    }
}
