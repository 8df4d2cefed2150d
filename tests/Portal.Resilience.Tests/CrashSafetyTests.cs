using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Azure.Data.Tables;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Resilience.Tests;

/// <summary>
/// Crash safety, for real: one Azurite that survives, and the app as a separate OS process that a killer task
/// SIGKILLs at random instants (sometimes while it is still starting) and restarts, while
/// <list type="bullet">
/// <item>client tasks submit birth registrations (citizen vneid-dev-0001, with an Idempotency-Key) and drive each of
/// their dossiers through a random plan (receive, supplement rounds, forward, approve, extend, issue, return), officer
/// decisions carrying If-Match with the version the officer last saw;</item>
/// <item>two sweeper tasks POST /TimerSweep as the Functions host would (the relay guard armed by every commit is due
/// at once in this test, so the sweeps fire it).</item>
/// </list>
/// A request that gets an answer is settled: 2xx is acknowledged. A request that gets none (connection refused or
/// reset by the kill) is unknown and is sent again, unchanged, until it gets an answer. A retried decision may get
/// 409 because its first request was in fact applied before the kill: then its event must be in the history at
/// exactly the version after the one it was conditioned on, and it counts as applied (the citizen's supplement carries
/// no version: its event must come after the version read before it). Any other 409 (a timer event moved the version)
/// makes the client read again and redo the action. The run lasts until 15 kills and 150 acknowledged actions (80 s at
/// most); the clients then stop where they are, leaving some dossiers open mid-plan.
/// <para/>
/// After the run (app running, sweeps until one fires nothing), every dossier is audited against what the clients
/// know: its history (GET /api/instances/{code}?showHistory=true) holds every applied action exactly once, in the
/// order applied, and nothing else but timer events; replaying the stored history with the decider gives the stored
/// state; no outbox row is left; the Notifications table holds exactly the messages the history owes
/// (<see cref="EventNarrative.MessagesFor"/>, ids version:index); every timer <see cref="DossierTimers.Due"/> wants is a
/// row of the Timers table in its due-minute partition; the inbox line of an open dossier has the dossier's version
/// and a closed dossier has none; the dossiers stored are exactly those whose submission was acknowledged; no relay
/// guard of a commit that landed is left armed; no answer during the whole run was a 5xx.
/// </summary>
public sealed class CrashSafetyTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    // The run goes on until both targets are met (or the budget is spent); the test demands at least the minimums.
    private const int TargetKills = 15;
    private const int TargetActions = 150;
    private const int MinimumKills = 10;
    private const int MinimumActions = 150;
    private const int Workers = 4;
    private const int DossiersPerWorker = 3;
    private static readonly TimeSpan ChaosBudget = TimeSpan.FromSeconds(80);
    private static readonly HashSet<string> TimerEvents = ["StepOverdue", "ApologyDrafted", "BecameOverdue", "SupplementOverdue", "RatingRequested"];

    /// <summary>Kills of an incarnation that was still starting.</summary>
    private int KillsWhileStarting { get; set; }

    /// <summary>Guards found waiting for a commit that never happened (set by the audit).</summary>
    private int GuardsAwaitingCommitsThatNeverHappened { get; set; }

    [Fact]
    public async Task KillingTheAppAtRandomInstants_LosesNoAcknowledgedAction_AppliesNoEffectTwice_AndLosesNoTimer()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var stats = new ChaosStats();
        using var app = new AppProcess(azurite.ConnectionString);
        using var client = new ChaosClient(app.BaseAddress, stats);
        await app.StartAsync();
        var tokens = new Dictionary<string, string>();
        foreach (var subject in new[] { Officers.Desk, Officers.Specialist, Officers.Head, Officers.Leader, Citizens.Lan })
        {
            tokens[subject] = await client.TokenAsync(subject);
        }

        var runs = new ConcurrentQueue<DossierRun>();
        var stop = 0;
        bool Stopping() => Volatile.Read(ref stop) == 1;
        var clock = Stopwatch.StartNew();

        var killer = Task.Run(() => KillerAsync(app, Stopping, new Random(seed)));
        var sweepers = Enumerable.Range(1, 2).Select(i => Task.Run(() => SweeperAsync(client, Stopping, new Random(seed + 100 + i)))).ToArray();
        var workers = Enumerable.Range(1, Workers)
            .Select(i => Task.Run(() => WorkerAsync(new Driver(client, stats, tokens), runs, Stopping, new Random(seed + i)))).ToArray();

        while (!(app.Kills >= TargetKills && stats.Acknowledged >= TargetActions) && clock.Elapsed < ChaosBudget
            && !workers.Any(w => w.IsFaulted) && !killer.IsFaulted && !sweepers.Any(s => s.IsFaulted))
        {
            await Task.Delay(100);
        }
        Volatile.Write(ref stop, 1);
        // Workers finish the action in hand (retrying until answered); the killer leaves the app running.
        await Task.WhenAll([.. workers, killer, .. sweepers]);
        var chaos = clock.Elapsed;

        // Settle: sweep until a sweep finds nothing due (the guards of the last commits, and of commits that never happened).
        var settled = false;
        for (var i = 0; i < 20 && !settled; i++)
        {
            var (fired, failed) = await client.SweepAsync();
            settled = fired == 0 && failed == 0;
        }

        var all = runs.ToList();
        var failures = await AuditAsync(all, new Driver(client, stats, tokens));
        if (!settled) failures.Add(new("timers settle", "20 sweeps in a row still found due timers (or failing ones)"));
        failures.AddRange(stats.ServerErrors.Select(e => new Problem("no 5xx", e)));
        failures.AddRange(stats.Anomalies.Select(a => new Problem("answers honest", a)));

        var applied = all.SelectMany(r => r.Applied).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Crash run: {chaos.TotalSeconds:0.0} s of chaos, {app.Kills} kills (SIGKILL; {KillsWhileStarting} of them while the app was starting), {app.Starts} app starts
            dossiers submitted (201): {stats.Submissions}; finished their plan: {all.Count(r => r.Done)}; left open mid-plan: {all.Count(r => !r.Done)}
            actions applied: {applied.Count} = acknowledged {stats.Acknowledged} ({stats.AcknowledgedAfterRetry} of them after a retry) + unknown-then-409-with-event-present {stats.ConfirmedBy409}
            actions with at least one unanswered request: {stats.RetriedActions}; requests that got no answer (cut by a kill, or refused while the app was down): {stats.UnknownAttempts}
            409 not caused by the action itself (timer moved the version; read again, redone): {stats.StaleRedo}
            timer sweeps answered: {stats.Sweeps}; 5xx answers: {stats.ServerErrors.Count}
            relay guards left waiting for a commit that never happened (killed between arming and committing): {GuardsAwaitingCommitsThatNeverHappened}
            by action: {string.Join(", ", applied.GroupBy(a => a.Step.Action).Select(g => $"{g.Key} {g.Count()}"))}
            audit: {(failures.Count == 0 ? "every dossier consistent" : $"{failures.Count} problems")}
            """));
        foreach (var group in failures.GroupBy(f => f.Check))
        {
            output.WriteLine($"-- {group.Key}: {group.Count()} problems");
            foreach (var f in group.Take(5)) output.WriteLine($"   {f.Detail}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems, first: {failures.FirstOrDefault()}\n(app output)\n{app.RecentOutput()}");
        Assert.True(app.Kills >= MinimumKills, $"only {app.Kills} kills in {chaos.TotalSeconds:0} s");
        Assert.True(stats.Acknowledged >= MinimumActions, $"only {stats.Acknowledged} actions acknowledged in {chaos.TotalSeconds:0} s");
        Assert.True(stats.RetriedActions > 0, "no action was ever cut by a kill: the run proved nothing");
    }

    /// <summary>Lets the app serve for a random while, SIGKILLs it, and starts it again; one time in five it also kills the new incarnation while it starts.</summary>
    private async Task KillerAsync(AppProcess app, Func<bool> stopping, Random random)
    {
        while (true)
        {
            await Task.Delay(random.Next(200, 2500));
            if (stopping()) return;
            app.Kill();
            if (random.NextDouble() < 0.2)
            {
                app.Launch();
                await Task.Delay(random.Next(0, 700));
                app.Kill();
                KillsWhileStarting++;
            }
            await app.StartAsync();
        }
    }

    private static async Task SweeperAsync(ChaosClient client, Func<bool> stopping, Random random)
    {
        while (!stopping())
        {
            await Task.Delay(random.Next(30, 300));
            await client.SweepAsync();
        }
    }

    /// <summary>Keeps a few dossiers going, acting on a random one each time; when told to stop, leaves them where they are.</summary>
    private static async Task WorkerAsync(Driver driver, ConcurrentQueue<DossierRun> runs, Func<bool> stopping, Random random)
    {
        var active = new List<DossierRun>();
        while (!stopping())
        {
            if (active.Count < DossiersPerWorker)
            {
                var run = new DossierRun(await driver.SubmitAsync(), Step.RandomPlan(random));
                runs.Enqueue(run);
                active.Add(run);
                continue;
            }
            var next = active[random.Next(active.Count)];
            await driver.ActAsync(next, next.Plan[next.Next]);
            next.Next++;
            if (next.Done) active.Remove(next);
        }
    }

    /// <summary>Checks every dossier against what the clients know; returns the problems found.</summary>
    private async Task<List<Problem>> AuditAsync(IReadOnlyList<DossierRun> runs, Driver driver)
    {
        var failures = new List<Problem>();
        var tables = azurite.Tables;
        var store = new DossierStore(tables);
        var deadlines = new Deadlines();
        var dossiersTable = tables.GetTableClient(StorageNames.DossiersTable);
        var notificationsTable = tables.GetTableClient(StorageNames.NotificationsTable);
        var inboxTable = tables.GetTableClient(StorageNames.InboxTable);
        var timerRows = await new Portal.Functions.Triggers.TimerStore(tables, TimeProvider.System).AllAsync(default);

        // The dossiers stored are exactly the acknowledged submissions: no retried submission made a second one.
        var stored = (await ToListAsync(dossiersTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"dossier"}")))).Select(e => e.PartitionKey).ToHashSet();
        var acknowledged = runs.Select(r => r.Code).ToHashSet();
        foreach (var code in stored.Except(acknowledged)) failures.Add(new("submissions exactly once", $"{code}: stored but no submission was acknowledged with it (duplicate submission?)"));
        foreach (var code in acknowledged.Except(stored)) failures.Add(new("submissions exactly once", $"{code}: submission acknowledged but the dossier is not stored"));
        if (runs.Count != acknowledged.Count) failures.Add(new("submissions exactly once", "two acknowledged submissions got the same code"));

        // No message left owed anywhere.
        foreach (var row in await ToListAsync(dossiersTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"out-"} and RowKey lt {"out."}"))))
        {
            failures.Add(new("outbox empty", $"{row.PartitionKey}: outbox row {row.RowKey} never relayed"));
        }
        // Every guard (due at once in this test) whose commit landed was fired and spent by the sweeps; the guards
        // left wait for commits that never happened (the app was killed between arming the guard and committing).
        foreach (var row in timerRows.Where(t => t.Kind == Portal.Functions.Triggers.TimerKind.OutboxRelay))
        {
            var id = row.Id; // relay-<code>-<version:D6>
            var guardVersion = int.Parse(id[^6..], CultureInfo.InvariantCulture);
            var dossier = await store.FindAsync(id[6..^7], default);
            if (dossier is not null && dossier.Lifecycle.Version >= guardVersion)
            {
                failures.Add(new("guards spent", $"relay guard {id} still armed though its dossier is at version {dossier.Lifecycle.Version}"));
            }
            else
            {
                GuardsAwaitingCommitsThatNeverHappened++;
            }
        }

        foreach (var run in runs)
        {
            var code = run.Code;
            void Fail(string check, string what) => failures.Add(new(check, $"{code}: {what}"));

            // 1. The history as the management API shows it, against what the clients know was applied.
            var history = await driver.HistoryAsync(code);
            if (!history.Select(h => h.Sequence).SequenceEqual(Enumerable.Range(1, history.Count))) Fail("history", $"history sequences are not 1..{history.Count}");
            if (history.Count == 0 || history[0].EventType != "Submitted") Fail("history", "history does not start with Submitted");
            var people = history.Skip(1).Where(h => h.Role != "system").ToList();
            var expected = run.Applied.Select(a => (a.Step.EventType, a.Step.Actor)).ToList();
            var actual = people.Select(h => (h.EventType, h.Actor)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                Fail("applied actions exactly once, in order", $"history of actions [{string.Join(", ", actual.Select(a => a.EventType))}] != applied [{string.Join(", ", expected.Select(a => a.EventType))}]");
            }
            foreach (var a in run.Applied.Where(a => a.Sequence is not null))
            {
                var at = history.FirstOrDefault(h => h.Sequence == a.Sequence);
                if (at is null || at.EventType != a.Step.EventType) Fail("applied actions exactly once, in order", $"{a.Step.Action} ({a.Outcome}) expected at sequence {a.Sequence}, found {at?.EventType ?? "nothing"}");
            }
            foreach (var h in history.Where(h => h.Role == "system" && !TimerEvents.Contains(h.EventType))) Fail("history", $"system event {h.EventType} is not a timer event");

            // 2. The stored state is the fold of the stored history.
            var dossier = await store.FindAsync(code, default);
            if (dossier is null)
            {
                Fail("history", "not stored");
                continue;
            }
            var events = await store.HistoryAsync(code, default);
            var replayed = DossierDecider.Replay(events.Select(e => e.Event));
            var state = dossier.Lifecycle;
            if (replayed.Version != state.Version || replayed.Status != state.Status || replayed.StepIndex != state.StepIndex
                || replayed.AppointmentAt != state.AppointmentAt || replayed.StepDueAt != state.StepDueAt || replayed.ResultSha256 != state.ResultSha256
                || replayed.SupplementRequests != state.SupplementRequests || !replayed.MissingItems.SequenceEqual(state.MissingItems))
            {
                Fail("state = replayed history", $"stored state (v{state.Version} {state.Status}) differs from the replayed history (v{replayed.Version} {replayed.Status})");
            }
            if (events.Count != history.Count) Fail("history", $"API shows {history.Count} events, table holds {events.Count}");

            // 3. Every message the history owes was delivered, exactly the owed ones (ids version:index are unique by construction).
            var owed = new Dictionary<string, (Audience Audience, string? Text)>();
            foreach (var e in events)
            {
                if (e.Event is Submitted) owed[new OutboxMessage(e.Sequence, 0, code, Audience.Officers, "", "").Id] = (Audience.Officers, null);
                var i = 0;
                foreach (var (audience, text) in EventNarrative.MessagesFor(e.Event, code))
                {
                    owed[new OutboxMessage(e.Sequence, i++, code, audience, "", "").Id] = (audience, text);
                }
            }
            var delivered = (await ToListAsync(notificationsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {code}")))).ToDictionary(n => n.RowKey);
            foreach (var (id, message) in owed)
            {
                if (!delivered.TryGetValue(id, out var n)) Fail("messages delivered exactly as owed", $"message {id} ({message.Audience}) owed by the history was never delivered");
                else if (n.GetString("Audience") != message.Audience.ToString() || (message.Text is not null && n.GetString("Text") != message.Text)) Fail("messages delivered exactly as owed", $"message {id} delivered with other content");
            }
            foreach (var id in delivered.Keys.Except(owed.Keys)) Fail("messages delivered exactly as owed", $"message {id} delivered but owed by no event");

            // 4. Every timer the state wants is armed.
            foreach (var t in DossierTimers.Due(replayed, deadlines.Calendar, deadlines.Settings))
            {
                var target = $"{code}|{t.Kind}";
                if (!timerRows.Any(r => r.Target == target && r.DueAt == t.DueAt))
                {
                    Fail("wanted timers armed", $"timer {t.Kind} due {t.DueAt:O} wanted by the state (v{state.Version} {state.Status}) is not armed");
                }
            }

            // 5. The officers' inbox line follows the dossier: same version while open, gone once closed.
            var found = await inboxTable.GetEntityIfExistsAsync<TableEntity>(dossier.AgencyCode, Portal.Functions.Lifecycle.InboxProjection.PointerRow(code));
            var line = found.HasValue ? found.Value : null;
            // Exactly one due line per open dossier, the one its pointer names (re-keying never loses or doubles a line).
            var lines = await ToListAsync(inboxTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {dossier.AgencyCode} and Code eq {code} and RowKey ge {"due|"} and RowKey lt {"due}"}")));
            if (lines.Count != (line is null ? 0 : 1) || line is not null && lines[0].RowKey != line.GetString("Line"))
            {
                Fail("inbox follows the dossier", $"{lines.Count} due lines for the dossier, pointer names {line?.GetString("Line") ?? "none"}");
            }
            if (!state.IsClosed && line?.GetInt32("Version") != state.Version) Fail("inbox follows the dossier", $"inbox line at version {line?.GetInt32("Version")?.ToString(CultureInfo.InvariantCulture) ?? "none"}, dossier at {state.Version}");
            if (state.IsClosed && line is not null) Fail("inbox follows the dossier", $"closed (v{state.Version} {state.Status}) but still in the inbox at version {line.GetInt32("Version")}");
        }
        return failures;
    }

    /// <summary>A problem the audit found: which check, and what.</summary>
    private sealed record Problem(string Check, string Detail);

    private static async Task<List<TableEntity>> ToListAsync(IAsyncEnumerable<TableEntity> source)
    {
        var list = new List<TableEntity>();
        await foreach (var e in source) list.Add(e);
        return list;
    }

    /// <summary>One history entry as GET /api/instances/{code}?showHistory=true shows it.</summary>
    private sealed record HistoryEntry(int Sequence, string EventType, string Actor, string Role);

    /// <summary>Performs steps through the API with the retry rules of this test.</summary>
    private sealed class Driver(ChaosClient client, ChaosStats stats, IReadOnlyDictionary<string, string> tokens)
    {
        /// <summary>Citizen Lan submits a birth registration; the same Idempotency-Key on every retry.</summary>
        public async Task<string> SubmitAsync()
        {
            var key = Guid.NewGuid().ToString("N");
            while (true)
            {
                var answer = await client.SendAsync(() =>
                {
                    var request = ChaosClient.Request(HttpMethod.Post, "api/dossiers", tokens[Citizens.Lan], SampleDossiers.BirthRegistrationSubmission());
                    request.Headers.Add("Idempotency-Key", key);
                    return request;
                });
                if (answer.Status == HttpStatusCode.Created)
                {
                    stats.Submitted();
                    return answer.Json.GetProperty("code").GetString()!;
                }
                Assert.True((int)answer.Status >= 500, $"submission: {(int)answer.Status} {answer.Body}");
            }
        }

        /// <summary>Does one step until the client knows it was applied (and how).</summary>
        public async Task ActAsync(DossierRun run, Step step)
        {
            var anyRetried = false;
            for (var redo = 0; ; redo++)
            {
                var version = await VersionAsync(run.Code);
                var answer = await client.SendAsync(() => Build(run.Code, step, version, run.Applied.Count));
                anyRetried |= answer.Retried;
                if (answer.Ok)
                {
                    run.Applied.Add(new Applied(step, step.Conditional ? version + 1 : null, answer.Retried ? Outcome.AcknowledgedAfterRetry : Outcome.Acknowledged));
                    stats.Acked(answer.Retried);
                    if (anyRetried) stats.Retried();
                    return;
                }
                Assert.True(answer.Status == HttpStatusCode.Conflict || (int)answer.Status >= 500,
                    $"{step.Action} on {run.Code} at v{version}: {(int)answer.Status} {answer.Body}");
                // Was it applied after all (by an unanswered request)? A conditional action can only be at version + 1.
                var history = await HistoryAsync(run.Code);
                var mine = history.FirstOrDefault(h => (step.Conditional ? h.Sequence == version + 1 : h.Sequence > version)
                    && h.EventType == step.EventType && h.Actor == step.Actor);
                if (mine is not null)
                {
                    if (!answer.Retried) stats.Anomaly($"{step.Action} on {run.Code}: {(int)answer.Status} to a request that was answered, yet its event is at {mine.Sequence}");
                    run.Applied.Add(new Applied(step, mine.Sequence, Outcome.ConfirmedAfterUnknown));
                    stats.Confirmed409();
                    if (anyRetried) stats.Retried();
                    return;
                }
                stats.Stale();
                Assert.True(redo < 50, $"{step.Action} on {run.Code}: still refused after {redo} tries: {answer.Body}");
            }
        }

        /// <summary>The dossier's version as an officer sees it now.</summary>
        public async Task<int> VersionAsync(string code)
        {
            while (true)
            {
                var answer = await client.SendAsync(() => ChaosClient.Request(HttpMethod.Get, $"api/instances/{code}", tokens[Officers.Desk]));
                if (answer.Ok) return answer.Json.GetProperty("customStatus").GetProperty("version").GetInt32();
                Assert.True((int)answer.Status >= 500, $"status of {code}: {(int)answer.Status} {answer.Body}");
            }
        }

        /// <summary>The history as an officer of the agency sees it.</summary>
        public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string code)
        {
            while (true)
            {
                var answer = await client.SendAsync(() => ChaosClient.Request(HttpMethod.Get, $"api/instances/{code}?showHistory=true", tokens[Officers.Desk]));
                if (answer.Ok)
                {
                    return answer.Json.GetProperty("historyEvents").EnumerateArray().Select(h => new HistoryEntry(h.GetProperty("sequence").GetInt32(),
                        h.GetProperty("eventType").GetString()!, h.GetProperty("actor").GetString()!, h.GetProperty("role").GetString()!)).ToList();
                }
                Assert.True((int)answer.Status >= 500, $"history of {code}: {(int)answer.Status} {answer.Body}");
            }
        }

        private HttpRequestMessage Build(string code, Step step, int version, int ordinal)
        {
            var token = tokens[step.Actor];
            if (step == Step.Supplement)
            {
                var content = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
                    ("giay-chung-sinh", "giay-chung-sinh-bo-sung.pdf", SampleDossiers.Pdf($"bo sung {code} {ordinal}")));
                content.Add(new StringContent("Bổ sung bản rõ nét"), "note");
                return ChaosClient.Request(HttpMethod.Post, $"api/dossiers/{code}/supplement", token, content);
            }
            HttpContent? body = step.Action switch
            {
                "RequestSupplement" => JsonContent.Create(new { reason = "Giấy chứng sinh mờ", missing = new[] { "Giấy chứng sinh (bản rõ nét)" } }),
                "Forward" => JsonContent.Create(new { reason = "Đủ điều kiện đăng ký khai sinh" }),
                "Extend" => JsonContent.Create(new { reason = "Cần xác minh nơi sinh", workingDays = 2 }),
                "ReturnResult" => JsonContent.Create(new { channel = "online" }),
                "IssueResult" => Result(code),
                _ => null,
            };
            var request = ChaosClient.Request(HttpMethod.Post, $"api/instances/{code}/raiseEvent/{step.Action}", token, body);
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
            return request;
        }

        private static MultipartFormDataContent Result(string code)
        {
            var file = new ByteArrayContent(SampleDossiers.Pdf($"Giay khai sinh {code} da ky so"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent { { file, "file", "ket-qua.pdf" } };
        }
    }
}
