using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Triggers;

/// <summary>A due timer as read, with where it is stored (to delete exactly that version once fired).</summary>
public sealed record DueTimer(DurableTimer Timer, string Table, string PartitionKey, string RowKey, ETag ETag);

/// <summary>
/// Timers in Table storage, sharded by the UTC hour they are due: table <c>Timers{yyyyMMddHH}</c>, PartitionKey =
/// the due minute, RowKey = due ticks plus id. An index table (<see cref="StorageNames.TimerShardsTable"/>) lists the
/// shards. The sweep reads the index up to this hour and, in those shards only, the partitions up to this minute;
/// timers due later sit in other tables and are never read, so the sweep's cost follows the number of due timers,
/// not the number pending (on Azure a partition-range query is already cheap; on Azurite, which scans a whole
/// table in memory for any query, only sharding keeps the pending timers out of the sweep's way).
/// A timer already due is written to the current hour's shard, so past shards only shrink; a shard emptied more
/// than an hour ago is deleted (the hour of grace covers clock skew between instances).
/// </summary>
public sealed class TimerStore(TableServiceClient tables, TimeProvider time)
{
    private const string ShardPartition = "shard";
    private readonly TableClient _index = tables.GetTableClient(StorageNames.TimerShardsTable);
    private readonly ConcurrentDictionary<string, byte> _knownShards = new();

    /// <summary>The shard (table name) a timer due at an instant is written to now.</summary>
    public string ShardFor(DateTimeOffset due) => ShardOf(due > time.GetUtcNow() ? due : time.GetUtcNow());

    private static string ShardOf(DateTimeOffset at) => "Timers" + HourKey(at);

    private static string HourKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>Schedules (or re-schedules to the same instant) a timer.</summary>
    public async Task ScheduleAsync(DurableTimer timer, CancellationToken ct)
    {
        var shard = ShardFor(timer.DueAt);
        await EnsureShardAsync(shard, ct);
        try
        {
            await tables.GetTableClient(shard).UpsertEntityAsync(ToEntity(timer), TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Retired by a sweep on an instance whose clock is far ahead: create it again.
            _knownShards.TryRemove(shard, out _);
            await EnsureShardAsync(shard, ct);
            await tables.GetTableClient(shard).UpsertEntityAsync(ToEntity(timer), TableUpdateMode.Replace, ct);
        }
    }

    /// <summary>Schedules many timers in entity-group transactions (100 per due minute), for bulk loads.</summary>
    public async Task ScheduleManyAsync(IEnumerable<DurableTimer> timers, CancellationToken ct)
    {
        foreach (var shard in timers.GroupBy(t => ShardFor(t.DueAt)))
        {
            await EnsureShardAsync(shard.Key, ct);
            var table = tables.GetTableClient(shard.Key);
            var batches = shard.GroupBy(t => Bucket(t.DueAt)).SelectMany(p => p.Chunk(TableTransactions.MaxActions))
                .Select(chunk => chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(t))).ToList());
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (batch, token) => await table.CommitAsync(batch, token));
        }
    }

    /// <summary>The row of a timer: PartitionKey = its due minute, RowKey = due ticks plus id.</summary>
    public static TableEntity ToEntity(DurableTimer timer) => new(Bucket(timer.DueAt), RowKey(timer))
    {
        ["Id"] = timer.Id,
        ["Kind"] = timer.Kind.ToString(),
        ["DueAt"] = timer.DueAt,
        ["Target"] = timer.Target,
    };

    /// <summary>Timers due at or before <paramref name="now"/>, oldest shard first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DueTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var due = new List<DueTimer>();
        foreach (var shard in await ShardsUpToAsync(HourKey(now), ct))
        {
            var found = 0;
            try
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey le {Bucket(now)}");
                await foreach (var e in tables.GetTableClient(shard).QueryAsync<TableEntity>(filter, cancellationToken: ct))
                {
                    var timer = FromEntity(e);
                    found++;
                    if (timer.DueAt > now) continue;
                    due.Add(new DueTimer(timer, shard, e.PartitionKey, e.RowKey, e.ETag));
                    if (due.Count >= max) return due;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted by another sweep since the index was read.
            }
            if (found == 0 && string.CompareOrdinal(shard, ShardOf(now.AddHours(-1))) < 0) await RetireShardAsync(shard, ct);
        }
        return due;
    }

    /// <summary>Every armed timer, in every shard (for audits and tests; reads everything).</summary>
    public async Task<IReadOnlyList<DurableTimer>> AllAsync(CancellationToken ct)
    {
        var all = new List<DurableTimer>();
        foreach (var shard in await ShardsUpToAsync("9999999999", ct))
        {
            await foreach (var e in tables.GetTableClient(shard).QueryAsync<TableEntity>(cancellationToken: ct)) all.Add(FromEntity(e));
        }
        return all;
    }

    /// <summary>Removes a fired timer (only the version that was read; already gone is fine).</summary>
    public async Task CompleteAsync(DueTimer due, CancellationToken ct)
    {
        try
        {
            await StorageConflicts.WriteAsync(() => tables.GetTableClient(due.Table).DeleteEntityAsync(due.PartitionKey, due.RowKey, due.ETag, ct));
        }
        catch (WriteConflictException)
        {
            // Re-scheduled meanwhile: the new version stays.
        }
    }

    private async Task<IReadOnlyList<string>> ShardsUpToAsync(string hourKey, CancellationToken ct)
    {
        var shards = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ShardPartition} and RowKey le {hourKey}");
        await foreach (var e in _index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) shards.Add("Timers" + e.RowKey);
        return shards;
    }

    private async Task EnsureShardAsync(string shard, CancellationToken ct)
    {
        if (_knownShards.ContainsKey(shard)) return;
        // Index row first: a shard the index lists but that does not exist yet is skipped; the reverse would hide timers.
        await _index.UpsertEntityAsync(new TableEntity(ShardPartition, shard["Timers".Length..]), TableUpdateMode.Replace, ct);
        await tables.GetTableClient(shard).CreateIfNotExistsAsync(ct);
        _knownShards.TryAdd(shard, 0);
    }

    private async Task RetireShardAsync(string shard, CancellationToken ct)
    {
        _knownShards.TryRemove(shard, out _);
        await _index.DeleteEntityAsync(ShardPartition, shard["Timers".Length..], ETag.All, ct);
        await tables.GetTableClient(shard).DeleteAsync(ct);
    }

    private static DurableTimer FromEntity(TableEntity e) =>
        new(e.GetString("Id"), Enum.Parse<TimerKind>(e.GetString("Kind")), e.GetDateTimeOffset("DueAt")!.Value, e.GetString("Target"));

    private static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static string RowKey(DurableTimer t) => $"{t.DueAt.UtcTicks:D19}-{t.Id}";
}
