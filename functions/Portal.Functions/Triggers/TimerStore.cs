using System.Globalization;
using Portal.Functions.Infrastructure;
using Portal.Storage;

namespace Portal.Functions.Triggers;

/// <summary>
/// Timers in Table storage. PartitionKey = the UTC minute the timer is due ("yyyyMMddHHmm"); RowKey = due ticks
/// plus id. The sweep asks for <c>PartitionKey le '&lt;this minute&gt;'</c>, a key-range query whose cost follows
/// the number of due timers, not the number pending.
/// </summary>
public sealed class TimerStore(StorageAccount account)
{
    private readonly TableClient _table = account.GetTableClient(StorageNames.TimersTable);

    /// <summary>Schedules (or re-schedules to the same instant) a timer.</summary>
    public Task ScheduleAsync(DurableTimer timer, CancellationToken ct) => _table.UpsertAsync(ToEntity(timer), TableUpdateMode.Replace, ct);

    /// <summary>The row of a timer: PartitionKey = its due minute, RowKey = due ticks plus id (for bulk writes in entity-group transactions).</summary>
    public static TableEntity ToEntity(DurableTimer timer) => new(Bucket(timer.DueAt), RowKey(timer))
    {
        ["Id"] = timer.Id,
        ["Kind"] = timer.Kind.ToString(),
        ["DueAt"] = timer.DueAt,
        ["Target"] = timer.Target,
    };

    /// <summary>Timers due at or before <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<(DurableTimer Timer, string ETag, string PartitionKey, string RowKey)>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var due = new List<(DurableTimer, string, string, string)>();
        await foreach (var e in _table.QueryAsync(TableFilter.Compare("PartitionKey", "le", Bucket(now)), cancellationToken: ct))
        {
            var timer = new DurableTimer(e.GetString("Id")!, Enum.Parse<TimerKind>(e.GetString("Kind")!), e.GetDateTimeOffset("DueAt")!.Value, e.GetString("Target")!);
            if (timer.DueAt > now) continue;
            due.Add((timer, e.ETag!, e.PartitionKey, e.RowKey));
            if (due.Count >= max) break;
        }
        return due;
    }

    /// <summary>Removes a fired timer (only the version that was read; already gone is fine).</summary>
    public async Task CompleteAsync(string partitionKey, string rowKey, string etag, CancellationToken ct)
    {
        try
        {
            await _table.DeleteAsync(partitionKey, rowKey, etag, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Re-scheduled meanwhile: the new version stays.
        }
    }

    private static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static string RowKey(DurableTimer t) => $"{t.DueAt.UtcTicks:D19}-{t.Id}";
}
