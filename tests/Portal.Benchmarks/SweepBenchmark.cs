using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Functions.Infrastructure;
using Portal.Functions.Triggers;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// "Timers are stored by due time so that the sweep reads only what is due: its cost must not grow with the number
/// of pending dossiers." For N = 1,000, 10,000 and 100,000, a private Azurite whose Timers table holds N timers due in
/// the future (100 per due minute, the minutes 7 apart from tomorrow on: ~5 days of them) and 100 due now; the sweep's
/// read (<see cref="TimerStore.DueAsync"/>) and a whole sweep (<see cref="TimerSweep.RunAsync"/> with handlers that do
/// nothing; the 100 due timers are put back, untimed, after it) are timed on each Azurite in turn, run after run, so
/// that load from anything else on the machine falls on every N alike. Then the raw single-entity insert rate of
/// Azurite and the app's submission rate (POST /api/dossiers) against it.
/// </summary>
public static class SweepBenchmark
{
    private const int Due = 100;
    private const int WarmUp = 5;
    private const int Runs = 25;
    private static readonly int[] PendingCounts = [1_000, 10_000, 100_000];

    /// <summary>Runs the benchmark and prints its tables.</summary>
    public static async Task RunAsync(bool skipSubmissions)
    {
        await RunSweepAsync();
        if (!skipSubmissions) await SubmissionsAsync();
    }

    /// <summary>Only the submission rate against raw inserts, on an Azurite kept in memory.</summary>
    public static Task RunSubmissionsAsync() => SubmissionsAsync();

    private static async Task RunSweepAsync()
    {
        Console.WriteLine($"Sweep benchmark: Azurite 3.37 (node {NodeVersion()}), .NET {Environment.Version}, {Environment.ProcessorCount} cores; " +
            $"warm-up {WarmUp} + median of {Runs} runs, the table sizes measured in turn within each run");
        // One Azurite per table size, measured in alternation: load from anything else on the machine hits every size alike.
        var setups = new List<Setup>();
        try
        {
            foreach (var pending in PendingCounts)
            {
                var azurite = new AzuriteFixture();
                setups.Add(new Setup(pending, azurite));
                await azurite.InitializeAsync();
            }
            await SweepAsync(setups);
        }
        finally
        {
            foreach (var s in setups) await s.Azurite.DisposeAsync();
        }
    }

    private sealed record Setup(int Pending, AzuriteFixture Azurite)
    {
        public List<double> Read { get; } = [];
        public List<double> Sweep { get; } = [];
        public List<double> Nothing { get; } = [];
        public List<double> Write { get; } = [];
    }

    private static async Task SweepAsync(IReadOnlyList<Setup> setups)
    {
        // Half a minute into the current minute, so the 100 due timers (the 10 s before) share one partition.
        var utc = DateTimeOffset.UtcNow;
        var now = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 30, TimeSpan.Zero);
        var due = Enumerable.Range(0, Due).Select(i => new DurableTimer($"due-{i:D3}", TimerKind.Dossier, now.AddMilliseconds(-100 * (i + 1)), $"due|{i}")).ToList();
        var measures = new List<Func<Task>>();
        foreach (var setup in setups)
        {
            var tables = setup.Azurite.Tables;
            await tables.GetTableClient(StorageNames.TimerShardsTable).CreateIfNotExistsAsync();
            var store = new TimerStore(tables, new ManualTimeProvider(now));
            var fill = Stopwatch.StartNew();
            await store.ScheduleManyAsync(Pending(setup.Pending, now), default);
            Console.WriteLine($"  filled {setup.Pending:N0} pending timers in {fill.Elapsed.TotalSeconds:0.0} s " +
                $"({setup.Pending / fill.Elapsed.TotalSeconds:N0} rows/s in transactions of 100)");
            await store.ScheduleManyAsync(due, default);
            // For comparison, the same pending timers in ONE table (the unsharded design), where Azurite's engine
            // scans every row for any query.
            var table = tables.GetTableClient("FlatTimers");
            await table.CreateIfNotExistsAsync();
            await FillPendingAsync(table, setup.Pending, now);
            var sweep = new TimerSweep(store, Enum.GetValues<TimerKind>().Select(k => (ITimerHandler)new NoOpHandler(k)), new ManualTimeProvider(now),
                NullLogger<TimerSweep>.Instance);

            measures.Add(async () =>
            {
                setup.Read.Add(await TimeAsync(async () =>
                {
                    var found = await store.DueAsync(now, TimerSweep.BatchSize, default);
                    if (found.Count != Due) throw new InvalidOperationException($"DueAsync found {found.Count} timers, expected {Due}.");
                }));
                setup.Sweep.Add(await TimeAsync(async () =>
                {
                    var result = await sweep.RunAsync(default);
                    if (result.Fired != Due || result.Failed != 0) throw new InvalidOperationException($"The sweep fired {result.Fired}, failed {result.Failed}.");
                }));
                await store.ScheduleManyAsync(due, default); // the 100 due timers again, untimed
                // A query that matches no entity at all in the single flat table: what Azurite's engine costs by itself there.
                setup.Nothing.Add(await TimeAsync(async () =>
                {
                    await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"none"}"), maxPerPage: 1).AsPages())
                    {
                        break;
                    }
                }));
                // And what one insert plus one delete of a row costs by itself in the flat table.
                setup.Write.Add(await TimeAsync(async () =>
                {
                    await table.AddEntityAsync(new TableEntity("scratch", "row") { ["Target"] = "x" });
                    await table.DeleteEntityAsync("scratch", "row", ETag.All);
                }));
            });
        }

        for (var run = 0; run < WarmUp + Runs; run++)
        {
            for (var k = 0; k < measures.Count; k++) await measures[(run + k) % measures.Count]();
            if (run == WarmUp - 1)
            {
                foreach (var s in setups) { s.Read.Clear(); s.Sweep.Clear(); s.Nothing.Clear(); s.Write.Clear(); }
            }
        }

        Console.WriteLine();
        Console.WriteLine("pending   due   DueAsync ms  ratio   whole sweep ms  ratio   | one flat table instead: query matching nothing ms  ratio   insert+delete of a row ms  ratio");
        var b = setups[0];
        foreach (var s in setups)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Pending,7:N0}  {Due,4}  {Median(s.Read),11:0.0}  {Median(s.Read) / Median(b.Read),5:0.00}x  {Median(s.Sweep),14:0.0}  {Median(s.Sweep) / Median(b.Sweep),5:0.00}x  {Median(s.Nothing),40:0.0}  {Median(s.Nothing) / Median(b.Nothing),5:0.00}x  {Median(s.Write),25:0.0}  {Median(s.Write) / Median(b.Write),5:0.00}x"));
        }
        var last = setups[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{last.Pending:N0} vs {b.Pending:N0} pending: DueAsync {Median(last.Read) / Median(b.Read):0.00}x, whole sweep {Median(last.Sweep) / Median(b.Sweep):0.00}x (target: within 1.5x); " +
            $"in one flat table, a query matching nothing {Median(last.Nothing) / Median(b.Nothing):0.00}x, one insert+delete {Median(last.Write) / Median(b.Write):0.00}x"));
        Console.WriteLine();
    }

    /// <summary>Pending timers: 100 per due minute, minutes 7 apart from tomorrow on.</summary>
    private static IEnumerable<DurableTimer> Pending(int count, DateTimeOffset now) => Enumerable.Range(0, count).Select(i =>
        new DurableTimer($"pending-{i:D7}", TimerKind.Dossier, now.AddDays(1).AddMinutes(7 * (i / 100)).AddMilliseconds(i % 100), $"pending|{i}"));

    /// <summary>The pending timers into one flat table, one entity-group transaction per due minute, 4 at a time.</summary>
    private static async Task FillPendingAsync(TableClient table, int count, DateTimeOffset now)
    {
        var batches = Pending(count, now).Chunk(100)
            .Select(c => c.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TimerStore.ToEntity(t))).ToList()).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (batch, ct) => await table.CommitAsync(batch, ct));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task SubmissionsAsync()
    {
        const int clients = 4, submissions = 200, inserts = 2_000;
        Console.WriteLine($"Submission benchmark: Azurite in memory (node {NodeVersion()}), .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var app = new PortalAppFixture { Azurite = new AzuriteFixture { InMemory = true } };
        await app.InitializeAsync();
        try
        {
            // Raw Azurite: single-entity inserts of a small row, 1 and 4 clients, on the app's own Azurite.
            var scratch = await app.Azurite.CreateTableAsync("rawinserts");
            await InsertAsync(scratch, 1, 200, "warm");
            var oneClient = await InsertAsync(scratch, 1, inserts / 2, "one");
            var fourClients = await InsertAsync(scratch, clients, inserts, "four");

            var tokens = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => app.TokenAsync(Citizens.Lan)));
            using var http = app.Client();
            async Task SubmitAsync(string token)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/dossiers") { Content = SampleDossiers.BirthRegistrationSubmission() };
                request.Headers.Authorization = new("Bearer", token);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            for (var i = 0; i < 10; i++) await SubmitAsync(tokens[0]);
            var next = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(tokens.Select(async token =>
            {
                while (Interlocked.Increment(ref next) <= submissions) await SubmitAsync(token);
            }));
            var perSecond = submissions / clock.Elapsed.TotalSeconds;

            Console.WriteLine("Azurite and submissions (in-process app on Kestrel, same Azurite)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw single-entity inserts, 1 client:   {oneClient,8:N0} /s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw single-entity inserts, {clients} clients:  {fourClients,8:N0} /s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  submissions (POST /api/dossiers, {clients} clients, {submissions}): {perSecond,6:N1} dossiers/s = 1/{fourClients / perSecond:0} of the raw insert rate with {clients} clients"));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<double> InsertAsync(TableClient table, int clients, int count, string prefix)
    {
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= count)
            {
                await table.AddEntityAsync(new TableEntity(prefix, i.ToString("D7", CultureInfo.InvariantCulture))
                {
                    ["Kind"] = "Dossier", ["DueAt"] = DateTimeOffset.UtcNow, ["Target"] = "000.00.72.H53-261123-0001|StepDue",
                });
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static string NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            var version = node.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private sealed class NoOpHandler(TimerKind kind) : ITimerHandler
    {
        public TimerKind Kind => kind;

        public Task<DurableTimer?> FireAsync(DurableTimer timer, DateTimeOffset now, CancellationToken ct) => Task.FromResult<DurableTimer?>(null);
    }
}
