using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// The paged lists at 2,000 dossiers: one agency's inbox and one citizen's list hold all of them. The dossiers are put into the
/// projections directly through <see cref="DossierProjections"/> (what the relay calls); then the first page and a filtered page
/// of each list are timed through HTTP (in-process app on Kestrel, Azurite in memory), p50/p95 over 200 requests each (round robin) after 20 to
/// warm up, beside a raw single-entity point read on the same Azurite in the same run.
/// </summary>
public static class ListsBenchmark
{
    private const int Dossiers = 2_000, Warmup = 20, Runs = 200;
    private const string Agency = "000.00.72.H53";

    /// <summary>Runs the benchmark and prints the table.</summary>
    public static async Task RunAsync()
    {
        Console.WriteLine($"Lists benchmark: Azurite in memory, .NET {Environment.Version}, {Environment.ProcessorCount} cores; {Dossiers:N0} dossiers in one inbox and one citizen's list");
        var app = new PortalAppFixture { Azurite = new AzuriteFixture { InMemory = true } };
        app.Settings["Triggers:LocalHost"] = "false";
        await app.InitializeAsync();
        try
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(app.Services);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {Dossiers:N0} dossiers into the projections in {load.Elapsed.TotalSeconds:0.0} s"));

            using var officer = app.Client();
            officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(Officers.Desk));
            using var citizen = app.Client();
            citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(Citizens.Lan));
            var pointTable = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.InboxTable);
            var pointKey = InboxProjection.PointerRow(Code(Dossiers / 2));

            var cases = new (string Name, Func<Task<long>> Run)[]
            {
                ("raw point read (SDK, one entity)", async () => { await pointTable.GetEntityAsync<TableEntity>(Agency, pointKey); return 0; }),
                ("inbox, first page (role=all)", () => GetAsync(officer, "api/officer/inbox?role=all")),
                ("inbox, filtered (mine, status, procedure)", () => GetAsync(officer, "api/officer/inbox?status=submitted&procedure=1.001193")),
                ("inbox, filtered (due window, step)", () => GetAsync(officer, $"api/officer/inbox?role=all&step=tham-dinh&dueFrom={Uri.EscapeDataString(Start.AddDays(10).ToString("O"))}&dueTo={Uri.EscapeDataString(Start.AddDays(15).ToString("O"))}")),
                ("citizen list, first page", () => GetAsync(citizen, "api/dossiers")),
                ("citizen list, filtered (status)", () => GetAsync(citizen, "api/dossiers?status=received")),
            };
            // Round robin (one request of each case per round), so load from elsewhere on the machine hits every case alike.
            foreach (var (_, run) in cases) for (var i = 0; i < Warmup; i++) await run();
            var times = cases.Select(_ => new List<double>(Runs)).ToArray();
            var bytes = new long[cases.Length];
            for (var i = 0; i < Runs; i++)
            {
                for (var c = 0; c < cases.Length; c++)
                {
                    var clock = Stopwatch.StartNew();
                    bytes[c] = await cases[c].Run();
                    times[c].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine($"  {"request",-44} {"p50 ms",8} {"p95 ms",8} {"bytes",9}");
            for (var c = 0; c < cases.Length; c++)
            {
                times[c].Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {cases[c].Name,-44} {Percentile(times[c], 0.50),8:0.0} {Percentile(times[c], 0.95),8:0.0} {(bytes[c] == 0 ? "-" : bytes[c].ToString("N0", CultureInfo.InvariantCulture)),9}"));
            }
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static string Code(int i) => $"{Agency}-{DateOnly.FromDateTime(Start.AddDays(i / 100).DateTime):yyMMdd}-{i % 100 + 1:D4}";

    private static async Task LoadAsync(IServiceProvider services)
    {
        var projections = services.GetRequiredService<DossierProjections>();
        var plan = services.GetRequiredService<Deadlines>().PlanFor("1.001193");
        var statuses = new[] { DossierStatus.Submitted, DossierStatus.Received, DossierStatus.InProgress, DossierStatus.SupplementRequested, DossierStatus.Approved };
        await Parallel.ForEachAsync(Enumerable.Range(0, Dossiers), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var submitted = Start.AddDays(i / 100).AddMinutes(i % 100 * 5);
            var status = statuses[i % statuses.Length];
            var step = status switch { DossierStatus.Submitted => -1, DossierStatus.Approved => 2, _ => i % 2 };
            var dossier = new DossierRecord
            {
                Code = Code(i), ProcedureCode = "1.001193", AgencyCode = Agency, ApplicantSubject = Citizens.Lan, ApplicantName = "Nguyễn Thị Lan",
                ApplicantPhone = "0912345678", FormJson = "{}", Documents = [],
                Lifecycle = new DossierState
                {
                    Status = status, SubmittedAt = submitted, ProvisionalAppointmentAt = submitted.AddDays(10), AppointmentAt = step < 0 ? null : submitted.AddDays(10),
                    StepIndex = step, StepDueAt = step < 0 ? null : submitted.AddDays(3 + step), SupplementDueAt = status == DossierStatus.SupplementRequested ? submitted.AddDays(15) : null,
                    Version = step + 3,
                },
            };
            await projections.ProjectAsync(dossier, plan, ct);
        });
    }

    private static async Task<long> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return body.Length;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
